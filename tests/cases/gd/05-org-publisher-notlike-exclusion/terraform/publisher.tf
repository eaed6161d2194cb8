data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
}

data "aws_iam_policy_document" "image_publisher_trust" {
  statement {
    sid     = "GitHubActionsImagePublish"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for ref in var.publish_refs : "repo:${var.github_org}/*:ref:refs/${ref}"]
    }

    # keep throwaway repositories out
    condition {
      test     = "StringNotLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for prefix in var.excluded_repository_prefixes : "repo:${var.github_org}/${prefix}*"]
    }
  }
}

resource "aws_iam_role" "image_publisher" {
  name               = "gha-image-publisher"
  assume_role_policy = data.aws_iam_policy_document.image_publisher_trust.json
}

data "aws_iam_policy_document" "image_publisher" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushBaseImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.region}:${local.account_id}:repository/base/*"]
  }
}

resource "aws_iam_role_policy" "image_publisher" {
  name   = "publish"
  role   = aws_iam_role.image_publisher.id
  policy = data.aws_iam_policy_document.image_publisher.json
}

resource "aws_ecr_repository" "base" {
  for_each = toset(["python", "node", "jdk"])

  name                 = "base/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
