locals {
  account_id = "517204968311"
  region     = "ap-southeast-2"
  cluster    = "saltmarsh-prod"
  service    = "ingest"
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:saltmarsh/ingest:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "ingest-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

data "aws_iam_policy_document" "ecr_push" {
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
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/ingest"]
  }
}

data "aws_iam_policy_document" "ecs_deploy" {
  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "EcsService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["*"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/ingest-execution",
      "arn:aws:iam::${local.account_id}:role/ingest-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Security review 2024-11: scope service updates to the ingest service only.
data "aws_iam_policy_document" "guardrails" {
  statement {
    sid       = "EcsService"
    actions   = ["ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/${local.service}"]
  }
}

data "aws_iam_policy_document" "deploy" {
  source_policy_documents = [
    data.aws_iam_policy_document.ecr_push.json,
    data.aws_iam_policy_document.ecs_deploy.json,
  ]

  override_policy_documents = [
    data.aws_iam_policy_document.guardrails.json,
  ]
}

resource "aws_iam_role_policy" "deploy" {
  name   = "ingest-deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
