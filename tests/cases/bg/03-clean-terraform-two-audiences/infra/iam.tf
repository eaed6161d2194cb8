data "aws_iam_policy_document" "image_push_trust" {
  statement {
    sid     = "GitHubImagePush"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tallgrass-ag/yield-service:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "image_push" {
  name               = "yield-service-image-push"
  assume_role_policy = data.aws_iam_policy_document.image_push_trust.json
}

resource "aws_iam_role_policy" "image_push" {
  name = "ecr-push"
  role = aws_iam_role.image_push.id
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
        Resource = "arn:aws:ecr:us-west-2:615243987012:repository/yield-service"
      },
    ]
  })
}

data "aws_iam_policy_document" "ecs_deploy_trust" {
  statement {
    sid     = "GitHubProductionDeploy"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["yield-service.deploy.tallgrass.ag"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tallgrass-ag/yield-service:environment:production"]
    }
  }
}

resource "aws_iam_role" "ecs_deploy" {
  name               = "yield-service-ecs-deploy"
  assume_role_policy = data.aws_iam_policy_document.ecs_deploy_trust.json
}

resource "aws_iam_role_policy" "ecs_deploy" {
  name = "ecs-deploy"
  role = aws_iam_role.ecs_deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = "arn:aws:ecs:us-west-2:615243987012:service/tallgrass-prod/yield-service"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::615243987012:role/yield-service-execution",
          "arn:aws:iam::615243987012:role/yield-service-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
