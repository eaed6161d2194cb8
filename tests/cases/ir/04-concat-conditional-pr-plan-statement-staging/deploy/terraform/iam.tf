data "aws_caller_identity" "current" {}

variable "enable_pr_plans" {
  description = "Let pull-request workflows assume this role to run terraform plan."
  type        = bool
  default     = false
}

locals {
  github_repository   = "kittiwake-studio/storefront"
  github_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"

  deploy_statement = {
    Sid       = "DeployFromEnvironment"
    Effect    = "Allow"
    Principal = { Federated = local.github_provider_arn }
    Action    = "sts:AssumeRoleWithWebIdentity"
    Condition = {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:${local.github_repository}:environment:${var.environment}"
      }
    }
  }

  pr_plan_statement = {
    Sid       = "PlanFromPullRequests"
    Effect    = "Allow"
    Principal = { Federated = local.github_provider_arn }
    Action    = "sts:AssumeRoleWithWebIdentity"
    Condition = {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:${local.github_repository}:pull_request"
      }
    }
  }
}

resource "aws_iam_role" "deploy" {
  name = "storefront-${var.environment}-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [local.deploy_statement],
      var.enable_pr_plans ? [local.pr_plan_statement] : [],
    )
  })
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/storefront-terraform"
}
