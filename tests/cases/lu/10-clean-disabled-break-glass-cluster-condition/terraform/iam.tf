data "aws_iam_policy_document" "oidc_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:mossgrove/inventory:environment:production"]
    }
  }
}

resource "aws_iam_role" "gha" {
  name               = "inventory-gha"
  assume_role_policy = data.aws_iam_policy_document.oidc_trust.json
}

data "aws_iam_policy_document" "gha" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.region}:${var.account_id}:repository/inventory"]
  }

  statement {
    sid       = "Register"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["arn:aws:ecs:${var.region}:${var.account_id}:task-definition/inventory:*"]
  }

  statement {
    sid       = "Rollout"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["*"]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = ["arn:aws:ecs:${var.region}:${var.account_id}:cluster/${var.cluster}"]
    }
  }

  statement {
    sid     = "PassRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${var.account_id}:role/inventory-execution",
      "arn:aws:iam::${var.account_id}:role/inventory-task",
    ]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.break_glass ? [1] : []
    content {
      sid       = "BreakGlassEcs"
      actions   = ["ecs:*"]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role_policy" "gha" {
  name   = "inventory-deploy"
  role   = aws_iam_role.gha.id
  policy = data.aws_iam_policy_document.gha.json
}

resource "aws_iam_role_policy" "break_glass" {
  count = var.break_glass ? 1 : 0

  name = "break-glass"
  role = aws_iam_role.gha.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
