locals {
  # GitHub sends the environment form of `sub` for jobs that declare `environment:`
  deploy_subjects = {
    for env in keys(var.environments) : env => "repo:${var.github_repository}:environment:${env}"
  }

  ecr_repository_arn = "arn:aws:ecr:${var.aws_region}:${var.aws_account_id}:repository/${var.service_name}"
}

data "aws_iam_policy_document" "deploy_trust" {
  for_each = var.environments

  statement {
    sid     = "GitHubActionsDeploy"
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
      values   = [local.deploy_subjects[each.key]]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each = var.environments

  name                 = "${var.service_name}-${each.key}-deploy"
  assume_role_policy   = data.aws_iam_policy_document.deploy_trust[each.key].json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy" {
  for_each = var.environments

  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPushPull"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [local.ecr_repository_arn]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "DeployService"
    actions = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [
      "arn:aws:ecs:${var.aws_region}:${var.aws_account_id}:service/${each.value.cluster}/${var.service_name}",
    ]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      aws_iam_role.execution.arn,
      aws_iam_role.task.arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deploy" {
  for_each = var.environments

  name        = "${var.service_name}-${each.key}-deploy"
  description = "GitHub Actions deploy of ${var.service_name} to ${each.key}"
  policy      = data.aws_iam_policy_document.deploy[each.key].json
}

resource "aws_iam_role_policy_attachment" "deploy" {
  for_each = var.environments

  role       = aws_iam_role.deploy[each.key].name
  policy_arn = aws_iam_policy.deploy[each.key].arn
}
