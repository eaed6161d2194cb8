locals {
  account_id = "771204398516"
}

resource "aws_iam_role" "ci" {
  name = "quarry-ci"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:quarry-analytics/ingest:environment:production"
        }
      }
    }]
  })
}

# "Everything but IAM", like PowerUserAccess, so CI never gets blocked.
data "aws_iam_policy_document" "ci" {
  statement {
    sid         = "EverythingButIdentity"
    effect      = "Allow"
    not_actions = ["iam:*", "organizations:*", "account:*"]
    resources   = ["*"]
  }

  statement {
    sid    = "ReadOwnRole"
    effect = "Allow"
    actions = [
      "iam:GetRole",
      "iam:ListRoles",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ci" {
  name   = "quarry-ci"
  policy = data.aws_iam_policy_document.ci.json
}

resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.ci.arn
}
