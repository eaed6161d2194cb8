data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

resource "aws_iam_role" "preview" {
  name        = "storefront-preview"
  description = "Assumed by pull request runs of meadowlark-dev/storefront to apply preview stacks"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PullRequests"
        Effect    = "Allow"
        Principal = { Federated = data.aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:meadowlark-dev/storefront:pull_request"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "preview" {
  role       = aws_iam_role.preview.name
  policy_arn = "arn:aws:iam::193847562010:policy/storefront-preview-terraform"
}
