data "aws_caller_identity" "current" {}

variable "deploy_policy_arn" {
  description = "Customer-managed policy with the ECR/ECS deploy permissions (managed in the platform repo)."
  type        = string
}

locals {
  github_oidc_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "billing_api_deploy_trust" {
  statement {
    sid     = "GitHubActionsBillingApiEnvironments"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # GitHub treats owner and environment names case-insensitively, so match them that way.
    condition {
      test     = "StringEqualsIgnoreCase"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:Tidewater-Labs/billing-api:environment:Staging",
        "repo:Tidewater-Labs/billing-api:environment:Production",
      ]
    }

    # Pin the repository by id as well, so a renamed/re-created repo cannot inherit the role.
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "token.actions.githubusercontent.com:repository_id"
      values   = ["718293645"]
    }
  }
}

resource "aws_iam_role" "billing_api_deploy" {
  name                 = "billing-api-github-deploy"
  description          = "Assumed by tidewater-labs/billing-api deploy jobs (staging and production environments)."
  assume_role_policy   = data.aws_iam_policy_document.billing_api_deploy_trust.json
  max_session_duration = 3600

  tags = {
    Service   = "billing-api"
    ManagedBy = "terraform"
  }
}

resource "aws_iam_role_policy_attachment" "billing_api_deploy" {
  role       = aws_iam_role.billing_api_deploy.name
  policy_arn = var.deploy_policy_arn
}
