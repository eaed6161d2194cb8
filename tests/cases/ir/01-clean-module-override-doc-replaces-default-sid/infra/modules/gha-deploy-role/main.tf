# Reusable GitHub Actions deploy role.
#
# The default trust statement (sid "GitHubActions") lets every workflow of the
# repository in. Callers that need a tighter trust pass documents through
# override_trust_documents: a statement there with the same sid replaces the
# default one (aws_iam_policy_document override semantics).

variable "name" {
  type = string
}

variable "repository" {
  description = "OWNER/REPO of the GitHub repository that assumes the role."
  type        = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "override_trust_documents" {
  description = "Policy documents (JSON) whose statements override the default ones by sid."
  type        = list(string)
  default     = []
}

variable "policy_json" {
  type = string
}

data "aws_iam_policy_document" "trust" {
  override_policy_documents = var.override_trust_documents

  statement {
    sid     = "GitHubActions"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.repository}:*"]
    }
  }
}

resource "aws_iam_role" "this" {
  name                 = var.name
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "deploy" {
  name   = "${var.name}-deploy"
  role   = aws_iam_role.this.id
  policy = var.policy_json
}

output "arn" {
  value = aws_iam_role.this.arn
}
