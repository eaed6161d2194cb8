# Platform-owned boundary attached to every role a product team's pipeline assumes.
resource "aws_iam_policy" "pipeline_boundary" {
  name        = "pipeline-boundary"
  path        = "/boundaries/"
  description = "Permissions boundary for GitHub Actions roles"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "DeployInSydneyOnly"
        Effect = "Allow"
        Action = [
          "ecr:GetAuthorizationToken",
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
          "ecs:DescribeServices",
          "ecs:DescribeTaskDefinition",
          "ecs:DescribeTasks",
          "ecs:RegisterTaskDefinition",
          "ecs:RunTask",
          "ecs:UpdateService",
          "logs:FilterLogEvents",
          "logs:GetLogEvents",
        ]
        Resource = "*"
        Condition = {
          StringEquals = { "aws:RequestedRegion" = "ap-southeast-2" }
        }
      },
      {
        Sid      = "PassAppRolesToEcsTasks"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::${var.account_id}:role/app-*"
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
      {
        Sid    = "NoIdentityChanges"
        Effect = "Deny"
        Action = [
          "iam:AttachRolePolicy",
          "iam:CreateRole",
          "iam:DeleteRolePermissionsBoundary",
          "iam:PutRolePermissionsBoundary",
          "iam:PutRolePolicy",
          "iam:UpdateAssumeRolePolicy",
        ]
        Resource = "*"
      },
    ]
  })
}
