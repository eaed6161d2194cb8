locals {
  account_id   = "862204517390"
  region       = "us-east-1"
  github_oidc  = "arn:aws:iam::862204517390:oidc-provider/token.actions.githubusercontent.com"
  repository   = "copperline/checkout"
}

# Build role: pushes images to ECR from CI.
resource "aws_iam_role" "checkout_ci" {
  name = "checkout-ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        }
        StringLike = {
          "token.actions.githubusercontent.com:sub" = "repo:${local.repository}:ref:refs/heads/*"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "checkout_ci" {
  name = "ecr-push"
  role = aws_iam_role.checkout_ci.id
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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/checkout"
      },
    ]
  })
}

# Release role: signs and promotes images on version tags (release.yml in
# the checkout-release-tools repository).
resource "aws_iam_role" "checkout_ci_release" {
  name = "checkout-ci-release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:copperline/checkout-release-tools:environment:release"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "checkout_ci_release" {
  role       = aws_iam_role.checkout_ci_release.name
  policy_arn = "arn:aws:iam::${local.account_id}:policy/checkout-image-promotion"
}

# Deploy role: production deploys, behind the production environment.
resource "aws_iam_role" "checkout_cd" {
  name = "checkout-cd"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_oidc }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${local.repository}:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "checkout_cd" {
  name = "ecs-deploy"
  role = aws_iam_role.checkout_cd.id
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
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/shop/checkout"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/checkout-task-execution",
          "arn:aws:iam::${local.account_id}:role/checkout-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
