variable "staging_deploy_repositories" {
  description = "Repositories (OWNER/NAME) whose staging environment may deploy to the shared staging cluster"
  type        = list(string)
  default = [
    "otterbay-labs/web-frontend",
    "otterbay-labs/orders-api",
    "otterbay-labs/notifications",
    "pixelforge-agency/otterbay-landing", # marketing site built by the agency
  ]
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "staging_deployer_trust" {
  dynamic "statement" {
    for_each = var.staging_deploy_repositories

    content {
      effect  = "Allow"
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "token.actions.githubusercontent.com:aud"
        values   = ["sts.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "token.actions.githubusercontent.com:sub"
        values   = ["repo:${statement.value}:environment:staging"]
      }
    }
  }
}

resource "aws_iam_role" "staging_deployer" {
  name               = "staging-ecs-deployer"
  description        = "Assumed by GitHub Actions staging deployments"
  assume_role_policy = data.aws_iam_policy_document.staging_deployer_trust.json
}
