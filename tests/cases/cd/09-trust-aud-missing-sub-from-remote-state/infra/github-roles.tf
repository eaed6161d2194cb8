data "aws_caller_identity" "current" {}

data "terraform_remote_state" "github" {
  backend = "s3"

  config = {
    bucket = "heron-tfstate"
    key    = "github/oidc-subjects.tfstate"
    region = "ca-central-1"
  }
}

variable "github_audience" {
  description = "Audience the staging workflows request (configure-aws-credentials audience input)"
  type        = string
}

locals {
  github_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "production_trust" {
  statement {
    sid     = "GitHubOIDC"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = data.terraform_remote_state.github.outputs.production_subjects
    }
  }

  statement {
    sid     = "BreakGlass"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/heron-oncall"]
    }

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "production_deploy" {
  name               = "heron-billing-production-deploy"
  assume_role_policy = data.aws_iam_policy_document.production_trust.json
}

data "aws_iam_policy_document" "staging_trust" {
  statement {
    sid     = "GitHubOIDC"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [var.github_audience]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:heron-pay/billing:environment:staging"]
    }
  }
}

resource "aws_iam_role" "staging_deploy" {
  name               = "heron-billing-staging-deploy"
  assume_role_policy = data.aws_iam_policy_document.staging_trust.json
}
