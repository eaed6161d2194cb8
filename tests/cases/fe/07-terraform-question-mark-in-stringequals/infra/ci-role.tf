data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  repo       = "kestrel-robotics/fleet-api"
}

resource "aws_iam_role" "fleet_api_image_push" {
  name = "fleet-api-image-push"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "FleetApiMainAndReleaseBranches"
        Effect    = "Allow"
        Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = [
              "repo:${local.repo}:ref:refs/heads/main",
              "repo:${local.repo}:ref:refs/heads/release-?",
            ]
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "fleet_api_image_push" {
  name = "ecr-push"
  role = aws_iam_role.fleet_api_image_push.id

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
        Sid    = "PushFleetApi"
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
        Resource = "arn:aws:ecr:ap-southeast-2:${local.account_id}:repository/fleet-api"
      },
    ]
  })
}
