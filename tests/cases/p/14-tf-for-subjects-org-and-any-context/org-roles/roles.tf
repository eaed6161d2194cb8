data "aws_iam_policy_document" "platform_readonly" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::143820695571:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for s in var.subjects : "repo:${trimprefix(s, "repo:")}"]
    }
  }
}

resource "aws_iam_role" "platform_readonly" {
  name               = "platform-readonly"
  assume_role_policy = data.aws_iam_policy_document.platform_readonly.json
}

data "aws_iam_policy_document" "services_deploy" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::143820695571:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for name, svc in var.services : "repo:${var.org}/${name}:*"]
    }
  }
}

resource "aws_iam_role" "services_deploy" {
  name               = "services-deploy"
  assume_role_policy = data.aws_iam_policy_document.services_deploy.json
}

data "aws_iam_policy_document" "docs_publish" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::143820695571:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for r in ["Docs", "Handbook"] : "repo:octo-org/${lower(r)}:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "docs_publish" {
  name               = "docs-publish"
  assume_role_policy = data.aws_iam_policy_document.docs_publish.json
}
