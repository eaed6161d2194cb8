locals {
  account_id = "149230877615"
  region     = "us-gov-west-1"
  partition  = "aws-us-gov"
  repo       = "fernwood-civic/permits"

  # kind = "branch": the job runs without an environment on that branch.
  # kind = "environment": the job runs in that GitHub environment.
  github_roles = {
    image-push = {
      kind  = "branch"
      value = "main"
    }
    deploy-staging = {
      kind  = "environment"
      value = "staging"
    }
    deploy-production = {
      kind  = "environment"
      value = "production"
    }
  }
}

resource "aws_iam_role" "github" {
  for_each = local.github_roles

  name = "permits-${each.key}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:${local.partition}:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${local.repo}:${each.value.kind == "branch" ? "ref:refs/heads/${each.value.value}" : "environment:${each.value.value}"}"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "image_push" {
  name = "ecr-push"
  role = aws_iam_role.github["image-push"].id

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
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:${local.partition}:ecr:${local.region}:${local.account_id}:repository/permits"
      },
    ]
  })
}

resource "aws_iam_role_policy" "deploy" {
  for_each = toset(["staging", "production"])

  name = "ecs-deploy"
  role = aws_iam_role.github["deploy-${each.key}"].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:service/permits-${each.key}/permits"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:${local.partition}:iam::${local.account_id}:role/permits-execution",
          "arn:${local.partition}:iam::${local.account_id}:role/permits-task",
        ]
        Condition = {
          StringEquals = {
            "iam:PassedToService" = "ecs-tasks.amazonaws.com"
          }
        }
      },
    ]
  })
}
