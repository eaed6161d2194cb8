locals {
  account_id     = "481516234200"
  oidc_audience  = "ferncliff-aws-${local.account_id}"
  ecr_repository = "arn:aws:ecr:ca-central-1:${local.account_id}:repository/ledger-web"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = [local.oidc_audience]
}

resource "aws_iam_role" "ledger_web_image_publisher" {
  name = "ledger-web-image-publisher"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = local.oidc_audience
            "token.actions.githubusercontent.com:sub" = "repo:ferncliff/ledger-web:ref:refs/heads/main"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "ledger_web_image_publisher" {
  name = "push-ledger-web"
  role = aws_iam_role.ledger_web_image_publisher.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "PushLedgerWeb"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = local.ecr_repository
      },
    ]
  })
}
