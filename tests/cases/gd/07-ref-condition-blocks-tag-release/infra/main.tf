terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "ap-southeast-2"
}

variable "github_repository" {
  type    = string
  default = "mossbank/ledger"
}

variable "production_environment" {
  type    = string
  default = "production"
}

variable "production_ref" {
  description = "Only this git ref may deploy to production"
  type        = string
  default     = "refs/heads/main"
}

data "aws_caller_identity" "current" {}

locals {
  oidc_host = "token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "ledger_deploy_trust" {
  statement {
    sid     = "ProductionFromMainOnly"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.oidc_host}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${var.github_repository}:environment:${var.production_environment}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:ref"
      values   = [var.production_ref]
    }
  }
}

resource "aws_iam_role" "ledger_deploy" {
  name               = "ledger-production-deploy"
  assume_role_policy = data.aws_iam_policy_document.ledger_deploy_trust.json
}

data "aws_iam_policy_document" "ledger_deploy" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.region}:${data.aws_caller_identity.current.account_id}:repository/ledger"]
  }

  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:service/ledger-prod/ledger"]
  }

  statement {
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ledger-execution",
      "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ledger-task",
    ]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "ledger_deploy" {
  name   = "deploy"
  role   = aws_iam_role.ledger_deploy.id
  policy = data.aws_iam_policy_document.ledger_deploy.json
}
