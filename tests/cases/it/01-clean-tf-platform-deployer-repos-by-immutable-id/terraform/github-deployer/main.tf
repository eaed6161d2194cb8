terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.aws_region
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

locals {
  deploy_subjects = [
    for name, id in var.deploy_repositories :
    "repo:${var.github_org}@${var.github_org_id}/${name}@${id}:environment:production"
  ]
}

data "aws_iam_policy_document" "deployer_trust" {
  statement {
    sid     = "ProductionEnvironmentOfListedRepositories"
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
      values   = local.deploy_subjects
    }
  }
}

resource "aws_iam_role" "ecs_deployer" {
  name                 = "corvane-ecs-deployer"
  description          = "Shared production deployer for the corvane-health ECS services"
  assume_role_policy   = data.aws_iam_policy_document.deployer_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deployer" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPushServiceImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [
      for name in keys(var.deploy_repositories) :
      "arn:aws:ecr:${var.aws_region}:${var.account_id}:repository/${name}"
    ]
  }

  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "UpdateServices"
    actions = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [
      for name in keys(var.deploy_repositories) :
      "arn:aws:ecs:${var.aws_region}:${var.account_id}:service/${var.cluster_name}/${name}"
    ]
  }

  statement {
    sid     = "PassServiceRoles"
    actions = ["iam:PassRole"]
    resources = flatten([
      for name in keys(var.deploy_repositories) : [
        "arn:aws:iam::${var.account_id}:role/${name}-execution",
        "arn:aws:iam::${var.account_id}:role/${name}-task",
      ]
    ])

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "ecs_deployer" {
  name   = "ecs-deploy"
  role   = aws_iam_role.ecs_deployer.id
  policy = data.aws_iam_policy_document.deployer.json
}

output "deployer_role_arn" {
  value = aws_iam_role.ecs_deployer.arn
}
