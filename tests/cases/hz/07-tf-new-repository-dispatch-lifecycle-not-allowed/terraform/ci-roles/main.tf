terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  registry_arn_prefix = "arn:aws:ecr:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:repository"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "registry_admin_trust" {
  statement {
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
      values   = ["repo:gannet-systems/platform-images:environment:registry-admin"]
    }
  }
}

resource "aws_iam_role" "registry_admin" {
  name               = "platform-images-registry-admin"
  assume_role_policy = data.aws_iam_policy_document.registry_admin_trust.json
}

data "aws_iam_policy_document" "registry_admin" {
  statement {
    sid = "CreateBaseImageRepositories"
    actions = [
      "ecr:CreateRepository",
      "ecr:DescribeRepositories",
      "ecr:PutImageScanningConfiguration",
      "ecr:TagResource",
    ]
    resources = ["${local.registry_arn_prefix}/base/*"]
  }
}

resource "aws_iam_role_policy" "registry_admin" {
  name   = "registry-admin"
  role   = aws_iam_role.registry_admin.id
  policy = data.aws_iam_policy_document.registry_admin.json
}
