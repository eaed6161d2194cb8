locals {
  github_audience = "github-actions.halcyon.dev"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = [local.github_audience]
}

resource "aws_iam_role" "notifier_ci" {
  name = "notifier-ci"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = local.github_audience
          "token.actions.githubusercontent.com:sub" = "repo:halcyon-dev/notifier:ref:refs/heads/main"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "notifier_ci" {
  name = "ecr-push"
  role = aws_iam_role.notifier_ci.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:eu-north-1:503927184610:repository/notifier"
      },
    ]
  })
}
