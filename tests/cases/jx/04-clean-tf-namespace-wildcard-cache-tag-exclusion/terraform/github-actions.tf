resource "aws_iam_role" "github_release" {
  name = "storefront-github-release"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::209384756102:oidc-provider/token.actions.githubusercontent.com"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = [
            "repo:fernhill/storefront:ref:refs/heads/main",
            "repo:fernhill/storefront:environment:production",
          ]
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "github_release" {
  name = "build-and-deploy"
  role = aws_iam_role.github_release.id

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
        Sid    = "StorefrontNamespace"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
          "ecr:PutImage",
        ]
        Resource = "arn:aws:ecr:us-east-2:209384756102:repository/storefront/*"
      },
      {
        Sid      = "RegisterStorefront"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "arn:aws:ecs:us-east-2:209384756102:task-definition/storefront-*:*"
      },
      {
        Sid      = "RollStorefront"
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = "arn:aws:ecs:us-east-2:209384756102:service/storefront-prod/storefront-*"
      },
      {
        Sid    = "PassStorefrontRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::209384756102:role/storefront-execution",
          "arn:aws:iam::209384756102:role/storefront-web-task",
          "arn:aws:iam::209384756102:role/storefront-worker-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
