variable "github_org" {
  type    = string
  default = "orbit-health"
}

variable "github_repo" {
  type    = string
  default = "scheduler"
}

resource "aws_iam_role" "ci_deploy" {
  name = "scheduler-ci-deploy"
  path = "/"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "GitHubActionsProduction"
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::888899990000:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${var.github_org}/${var.github_repo}:environment:production"
          }
        }
      }
    ]
  })

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonECS_FullAccess",
  ]

  tags = {
    team = "scheduling"
  }
}
