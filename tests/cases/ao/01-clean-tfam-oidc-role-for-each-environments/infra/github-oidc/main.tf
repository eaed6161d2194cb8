terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}

locals {
  repository = "tidewater-labs/orders-api"
  account_id = "381204957716"
  region     = "eu-central-1"

  environments = {
    staging = {
      cluster = "orders-staging"
    }
    production = {
      cluster = "orders-production"
    }
  }
}

module "iam_github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "5.48.0"

  tags = {
    ManagedBy = "terraform"
  }
}

################################################################################
# Build: push the image from main
################################################################################

module "build_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name     = "orders-api-build"
  subjects = ["${local.repository}:ref:refs/heads/main"]

  policies = {
    EcrPush = aws_iam_policy.ecr_push.arn
  }
}

data "aws_iam_policy_document" "ecr_push" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "Push"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/orders-api"]
  }
}

resource "aws_iam_policy" "ecr_push" {
  name   = "orders-api-ecr-push"
  policy = data.aws_iam_policy_document.ecr_push.json
}

################################################################################
# Deploy: one role per GitHub environment
################################################################################

module "deploy_role" {
  source   = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version  = "5.48.0"
  for_each = local.environments

  name     = "orders-api-${each.key}-deploy"
  subjects = ["${local.repository}:environment:${each.key}"]

  policies = {
    EcsDeploy = aws_iam_policy.deploy[each.key].arn
  }

  tags = {
    Environment = each.key
  }
}

data "aws_iam_policy_document" "deploy" {
  for_each = local.environments

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid = "RollService"
    actions = [
      "ecs:DescribeServices",
      "ecs:UpdateService",
    ]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/${each.value.cluster}/orders-api"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/orders-api-${each.key}-execution",
      "arn:aws:iam::${local.account_id}:role/orders-api-${each.key}-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deploy" {
  for_each = local.environments

  name   = "orders-api-${each.key}-deploy"
  policy = data.aws_iam_policy_document.deploy[each.key].json
}
