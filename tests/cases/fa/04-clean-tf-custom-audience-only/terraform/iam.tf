data "aws_iam_policy_document" "github_trust" {
  statement {
    sid     = "GitHubActionsMain"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github_actions.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["kestrel-ci"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:kestrel-io/invoice-renderer:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "publish" {
  name               = "invoice-renderer-publish"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

data "aws_iam_policy_document" "publish" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushInvoiceRenderer"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [aws_ecr_repository.invoice_renderer.arn]
  }
}

resource "aws_iam_role_policy" "publish" {
  name   = "push-invoice-renderer"
  role   = aws_iam_role.publish.id
  policy = data.aws_iam_policy_document.publish.json
}
