terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

variable "github_repository" {
  type    = string
  default = "ashgrove/ticketing"
}

variable "workload_account_ids" {
  type    = list(string)
  default = ["102244668891", "203355779902"]
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "hub_trust" {
  statement {
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_repository}:environment:production",
        "repo:${var.github_repository}:pull_request",
      ]
    }
  }
}

resource "aws_iam_role" "hub" {
  name               = "gha-ticketing-hub"
  assume_role_policy = data.aws_iam_policy_document.hub_trust.json
}

resource "aws_ecr_repository" "ticketing" {
  name                 = "ticketing"
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_policy_document" "hub" {
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
    resources = [aws_ecr_repository.ticketing.arn]
  }

  statement {
    sid       = "ChainIntoWorkloads"
    actions   = ["sts:*"]
    resources = formatlist("arn:aws:iam::%s:role/ticketing-deployer", var.workload_account_ids)
  }
}

resource "aws_iam_role_policy" "hub" {
  name   = "hub"
  role   = aws_iam_role.hub.id
  policy = data.aws_iam_policy_document.hub.json
}
