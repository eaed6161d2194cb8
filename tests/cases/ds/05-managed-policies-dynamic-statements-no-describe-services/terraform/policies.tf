locals {
  service_arn = "arn:aws:ecs:${var.aws_region}:${var.account_id}:service/${var.cluster_name}/${var.service_name}"

  ecs_statements = {
    RegisterTaskDefinition = {
      actions   = ["ecs:RegisterTaskDefinition"]
      resources = ["*"]
    }
    RollService = {
      actions   = ["ecs:UpdateService"]
      resources = [local.service_arn]
    }
  }
}

resource "aws_iam_policy" "ecr_push" {
  name = "${var.service_name}-ecr-push"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Auth"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"]
      },
      {
        Sid    = "Push"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = ["arn:aws:ecr:${var.aws_region}:${var.account_id}:repository/${var.service_name}"]
      },
    ]
  })
}

data "aws_iam_policy_document" "ecs_deploy" {
  dynamic "statement" {
    for_each = local.ecs_statements

    content {
      sid       = statement.key
      effect    = "Allow"
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  statement {
    sid     = "PassTaskRoles"
    effect  = "Allow"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${var.account_id}:role/${var.service_name}-execution",
      "arn:aws:iam::${var.account_id}:role/${var.service_name}-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "ecs_deploy" {
  name   = "${var.service_name}-ecs-deploy"
  policy = data.aws_iam_policy_document.ecs_deploy.json
}
