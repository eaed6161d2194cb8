data "aws_caller_identity" "current" {}

locals {
  account_id   = data.aws_caller_identity.current.account_id
  github_oidc  = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

# api: deploy from the production environment
resource "aws_iam_role" "api_deploy" {
  name = "api-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          # configure-aws-credentials talks to the regional STS endpoint
          "token.actions.githubusercontent.com:aud" = "sts.${var.aws_region}.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${var.github_org}/api:environment:production"
        }
      }
    }]
  })
}

# worker: also accepts the token default audience (https://github.com/OWNER) during the migration
resource "aws_iam_role" "worker_deploy" {
  name = "worker-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc }
      Action    = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = ["sts.amazonaws.com", "https://github.com/${var.github_org}"]
          "token.actions.githubusercontent.com:sub" = "repo:${var.github_org}/worker:environment:production"
        }
      }
    }]
  })
}

# batch: provider ARN typed by hand
resource "aws_iam_role" "batch_deploy" {
  name = "batch-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.co"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${var.github_org}/batch:ref:refs/heads/main"
        }
      }
    }]
  })
}
