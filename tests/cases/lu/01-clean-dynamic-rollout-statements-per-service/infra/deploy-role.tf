data "aws_iam_policy_document" "github_trust" {
  statement {
    sid     = "GitHubActionsProduction"
    effect  = "Allow"
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
      values   = ["repo:tidewater-labs/ledger-api:environment:production"]
    }
  }
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [for name in keys(var.services) : "arn:aws:ecr:${var.region}:${var.account_id}:repository/${name}"]
  }

  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = [for svc in values(var.services) : "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${svc.family}:*"]
  }

  dynamic "statement" {
    for_each = var.services
    content {
      actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
      resources = ["arn:aws:ecs:${var.region}:${var.account_id}:service/${statement.value.cluster}/${statement.key}"]
    }
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${var.account_id}:role/ledger-task-execution",
      "arn:aws:iam::${var.account_id}:role/ledger-api-task",
      "arn:aws:iam::${var.account_id}:role/ledger-worker-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = [var.passed_to_service]
    }
  }
}

resource "aws_iam_role" "github_deploy" {
  name               = "ledger-gha-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

resource "aws_iam_role_policy" "github_deploy" {
  name   = "ledger-rollout"
  role   = aws_iam_role.github_deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
