locals {
  account_id    = "927301448156"
  region        = "ca-central-1"
  ghes_hostname = "git.orbitalfreight.com"

  # Issuer host, following the "token.actions.<subdomain>" layout from the
  # GitHub Enterprise Cloud data residency guide.
  oidc_issuer_host = "token.actions.${local.ghes_hostname}"
}

resource "aws_iam_openid_connect_provider" "ghes" {
  url            = "https://${local.oidc_issuer_host}"
  client_id_list = ["sts.amazonaws.com"]

  tags = {
    Purpose = "ghes-actions"
  }
}

resource "aws_iam_role" "gate_scheduler_deploy" {
  name = "gate-scheduler-ghes-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "GhesMainBranch"
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.ghes.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.oidc_issuer_host}:aud" = "sts.amazonaws.com"
            "${local.oidc_issuer_host}:sub" = "repo:yard-ops/gate-scheduler:ref:refs/heads/main"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "gate_scheduler_deploy" {
  name = "gate-scheduler-deploy"
  role = aws_iam_role.gate_scheduler_deploy.id

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
        Sid    = "EcrPush"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/gate-scheduler"
      },
      {
        Sid      = "UpdateService"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/yard/gate-scheduler"
      },
    ]
  })
}
