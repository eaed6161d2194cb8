variable "account_id" {
  type    = string
  default = "864209175320"
}

variable "environment" {
  type    = string
  default = "dev"
}

data "aws_iam_policy_document" "github_oidc_pull_request_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type = "Federated"
      identifiers = [
        "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
      ]
    }

    condition {
      test     = "StringEquals"
      values   = ["sts.amazonaws.com"]
      variable = "token.actions.githubusercontent.com:aud"
    }

    condition {
      test = "StringLike"
      values = [
        "repo:alphagov/di-data-life-events-platform:pull_request",
        "repo:alphagov/di-data-life-events-platform:ref:refs/heads/gh-readonly-queue/main/pr*"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
  }
}

resource "aws_iam_role" "github_oidc_pull_request" {
  name               = "github-oidc-pull-request"
  assume_role_policy = data.aws_iam_policy_document.github_oidc_pull_request_assume.json
}

data "aws_iam_policy_document" "github_oidc_environment_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type = "Federated"
      identifiers = [
        "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
      ]
    }

    condition {
      test     = "StringEquals"
      values   = ["sts.amazonaws.com"]
      variable = "token.actions.githubusercontent.com:aud"
    }

    condition {
      test     = "StringEquals"
      values   = ["repo:alphagov/gdx-data-share-poc:environment:${var.environment}"]
      variable = "token.actions.githubusercontent.com:sub"
    }
  }
}

resource "aws_iam_role" "github_oidc_environment" {
  name               = "github-oidc-${var.environment}"
  assume_role_policy = data.aws_iam_policy_document.github_oidc_environment_assume.json
}
