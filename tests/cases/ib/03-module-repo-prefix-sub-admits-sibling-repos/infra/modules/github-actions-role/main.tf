variable "name" {
  description = "Name of the IAM role."
  type        = string
}

variable "account_id" {
  type = string
}

variable "github_org" {
  type    = string
  default = "tidewater-io"
}

variable "repo_prefix" {
  description = "Repositories whose name starts with this prefix may assume the role."
  type        = string
}

variable "inline_policy" {
  description = "JSON permissions policy for the role."
  type        = string
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "GitHubActions"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_org}/${var.repo_prefix}*"]
    }
  }
}

resource "aws_iam_role" "this" {
  name                 = var.name
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-inline"
  role   = aws_iam_role.this.id
  policy = var.inline_policy
}

output "arn" {
  value = aws_iam_role.this.arn
}
