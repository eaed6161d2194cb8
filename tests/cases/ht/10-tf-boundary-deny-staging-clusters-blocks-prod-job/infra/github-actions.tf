locals {
  account_id = "447120958316"
  region     = "eu-west-2"
  repo       = "quayside/booking-web"
}

# Boundary the platform team requires on every team-created CI role:
# teams may roll their own services, but only on staging clusters.
resource "aws_iam_policy" "team_ci_boundary" {
  name = "team-ci-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "TeamDeployActions"
        Effect = "Allow"
        Action = [
          "ecr:GetAuthorizationToken",
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
          "ecs:RegisterTaskDefinition",
          "ecs:DescribeServices",
          "ecs:UpdateService",
          "ecs:RunTask",
          "ecs:DescribeTasks",
        ]
        Resource = "*"
      },
      {
        Sid    = "PassServiceRolesToTasks"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/*-execution",
          "arn:aws:iam::${local.account_id}:role/*-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
      {
        Sid    = "StagingClustersOnly"
        Effect = "Deny"
        Action = [
          "ecs:DescribeServices",
          "ecs:UpdateService",
          "ecs:RunTask",
          "ecs:DescribeTasks",
        ]
        Resource = "*"
        Condition = {
          ArnNotLike = {
            "ecs:cluster" = "arn:aws:ecs:*:${local.account_id}:cluster/*-staging"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role" "booking_web_ci" {
  name                 = "booking-web-ci"
  permissions_boundary = aws_iam_policy.team_ci_boundary.arn

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = [
            "repo:${local.repo}:environment:staging",
            "repo:${local.repo}:environment:production",
          ]
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "booking_web_ci" {
  name = "deploy"
  role = aws_iam_role.booking_web_ci.id
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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/booking-web"
      },
      {
        Sid      = "Register"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid    = "RollBookingWeb"
        Effect = "Allow"
        Action = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = [
          "arn:aws:ecs:${local.region}:${local.account_id}:service/quay-staging/booking-web",
          "arn:aws:ecs:${local.region}:${local.account_id}:service/quay-prod/booking-web",
        ]
      },
      {
        Sid    = "PassBookingRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/booking-web-execution",
          "arn:aws:iam::${local.account_id}:role/booking-web-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
