resource "aws_iam_role" "github_deploy" {
  name = "${local.name}-github-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:wren-health/notify:ref:refs/heads/main"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "github_deploy" {
  name = "deploy"
  role = aws_iam_role.github_deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Registry"
        Effect = "Allow"
        Action = [
          "ecr:GetAuthorizationToken",
          "ecr:BatchCheckLayerAvailability",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
          "ecr:PutImage",
        ]
        Resource = "*"
      },
      {
        Sid      = "Ecs"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:Describe*", "ecs:UpdateService"]
        Resource = "*"
      },
      {
        Sid    = "TaskRoles"
        Effect = "Allow"
        Action = ["iam:GetRole", "iam:PassRole"]
        Resource = [
          "arn:aws:iam::${local.account_id}:role/service-role/${local.name}-execution",
          aws_iam_role.task.arn,
        ]
      },
      {
        Sid      = "StayInStockholm"
        Effect   = "Deny"
        Action   = "ecs:*"
        Resource = "*"
        Condition = {
          StringNotEquals = { "aws:RequestedRegion" = local.region }
        }
      },
    ]
  })
}
