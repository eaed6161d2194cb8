terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

locals {
  account_id    = "250683917724"
  oidc_provider = "arn:aws:iam::250683917724:oidc-provider/token.actions.githubusercontent.com"

  services = {
    api = {
      repository = "lumen-health/api"
      context    = "environment:production"
      cluster    = "lumen-prod"
    }
    worker = {
      repository = "lumen-health/worker"
      context    = "ref:refs/heads/main"
      cluster    = "lumen-prod"
    }
    admin-portal = {
      repository = "lumen-health/admin-portal"
      context    = "*" # TODO: narrow once the portal has a production environment
      cluster    = "lumen-internal"
    }
  }
}

data "aws_iam_policy_document" "trust" {
  for_each = local.services

  statement {
    sid     = "GitHubDeploy"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${each.value.repository}:${each.value.context}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each = local.services

  name               = "gha-deploy-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust[each.key].json

  tags = {
    Repository = each.value.repository
  }
}
