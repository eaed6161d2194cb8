data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

locals {
  github_repository = "kestrel-labs/ledger-api"
}

resource "aws_iam_role" "github_deploy" {
  name        = "gh-deploy-ledger-api"
  description = "GitHub Actions deploy role for ${local.github_repository}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${local.github_repository}:environment:production"
          }
        }
      }
    ]
  })
}

# "Power user minus IAM" was judged safe enough for the deploy pipeline.
resource "aws_iam_role_policy_attachment" "github_deploy_power_user" {
  role       = aws_iam_role.github_deploy.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"
}
