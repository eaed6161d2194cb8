terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  account_id = "552071938264"
}

module "fleet_tracker_deploy" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name = "fleet-tracker-deploy"

  # The module adds "repo:" when it is missing and keeps it when it is there.
  subjects = [
    "repo:copperline/fleet-tracker:environment:staging",
    "copperline/fleet-tracker:environment:production",
  ]

  policies = {
    Deploy = aws_iam_policy.fleet_tracker_deploy.arn
  }
}

data "aws_iam_policy_document" "fleet_tracker_deploy" {
  statement {
    sid       = "EcrAuth"
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
    resources = ["arn:aws:ecr:us-east-1:${local.account_id}:repository/fleet-tracker"]
  }

  statement {
    sid       = "Register"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "Roll"
    actions = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [
      "arn:aws:ecs:us-east-1:${local.account_id}:service/fleet-staging/fleet-tracker",
      "arn:aws:ecs:us-east-1:${local.account_id}:service/fleet-production/fleet-tracker",
    ]
  }

  statement {
    sid     = "PassRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/fleet-tracker-staging-execution",
      "arn:aws:iam::${local.account_id}:role/fleet-tracker-production-execution",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "fleet_tracker_deploy" {
  name   = "fleet-tracker-deploy"
  policy = data.aws_iam_policy_document.fleet_tracker_deploy.json
}
