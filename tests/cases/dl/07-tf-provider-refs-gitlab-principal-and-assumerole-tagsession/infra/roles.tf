# docs-site: moved to GitHub Actions, principal not updated
data "aws_iam_policy_document" "docs_site_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.gitlab.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tallow-commerce/docs-site:ref:refs/heads/main"]
    }
  }
}

# image-builder: session tags for cost allocation
data "aws_iam_policy_document" "image_builder_trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

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
      values   = ["repo:tallow-commerce/image-builder:ref:refs/heads/main"]
    }
  }
}

# image-publisher: the pattern the other roles should follow
data "aws_iam_policy_document" "image_publisher_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]

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
      values   = ["repo:tallow-commerce/image-builder:environment:publish"]
    }
  }
}

resource "aws_iam_role" "docs_site" {
  name               = "docs-site-deploy"
  assume_role_policy = data.aws_iam_policy_document.docs_site_trust.json
}

resource "aws_iam_role" "image_builder" {
  name               = "image-builder"
  assume_role_policy = data.aws_iam_policy_document.image_builder_trust.json
}

resource "aws_iam_role" "image_publisher" {
  name               = "image-publisher"
  assume_role_policy = data.aws_iam_policy_document.image_publisher_trust.json
}
