locals {
  github_provider_arn = "arn:aws:iam::836402915577:oidc-provider/token.actions.githubusercontent.com"
  org                 = "kestrel-io"
}

data "aws_iam_policy_document" "org_main" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.org}/*:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "org_main" {
  name               = "kestrel-main-branch-artifacts"
  assume_role_policy = data.aws_iam_policy_document.org_main.json
}

data "aws_iam_policy_document" "ledger_forall" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "ForAllValues:StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.org}/ledger:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "ledger_forall" {
  name               = "kestrel-ledger-build"
  assume_role_policy = data.aws_iam_policy_document.ledger_forall.json
}

data "aws_iam_policy_document" "ledger_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.org}/ledger:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "ledger_assume" {
  name               = "kestrel-ledger-docs"
  assume_role_policy = data.aws_iam_policy_document.ledger_assume.json
}

data "aws_iam_policy_document" "ledger_env" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.org}/ledger:*"]
    }

    condition {
      test     = "StringLikeIfExists"
      variable = "token.actions.githubusercontent.com:environment"
      values   = ["production"]
    }
  }
}

resource "aws_iam_role" "ledger_env" {
  name               = "kestrel-ledger-release"
  assume_role_policy = data.aws_iam_policy_document.ledger_env.json
}

data "aws_iam_policy_document" "ledger_pinned" {
  statement {
    sid     = "LedgerProductionAndTags"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${local.org}/ledger:environment:production",
        "repo:${local.org}/ledger:ref:refs/tags/v2.4.0",
      ]
    }
  }
}

resource "aws_iam_role" "ledger_pinned" {
  name               = "kestrel-ledger-deploy"
  assume_role_policy = data.aws_iam_policy_document.ledger_pinned.json
}

data "aws_iam_policy_document" "ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "runner" {
  name               = "kestrel-self-hosted-runner"
  assume_role_policy = data.aws_iam_policy_document.ec2.json
}
