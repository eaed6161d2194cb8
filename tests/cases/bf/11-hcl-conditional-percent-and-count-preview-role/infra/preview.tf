data "aws_iam_policy_document" "preview_trust" {
  count = var.enable_previews ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::826401973355:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tessellate-io/search:pull_request"]
    }
  }
}

resource "aws_iam_role" "preview" {
  count = var.enable_previews ? 1 : 0

  name               = "search-preview-${var.environment}"
  assume_role_policy = data.aws_iam_policy_document.preview_trust[0].json
}

resource "aws_iam_role_policy" "preview" {
  count = var.enable_previews ? 1 : 0

  name = "preview"
  role = aws_iam_role.preview[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:DescribeServices"]
      Resource = "arn:aws:ecs:us-east-1:826401973355:service/search-${var.environment}/*"
    }]
  })
}
