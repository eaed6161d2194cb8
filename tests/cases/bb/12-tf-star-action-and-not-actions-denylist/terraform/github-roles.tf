data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "infra_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:lattice-gaming/platform-infra:environment:apply"]
    }
  }
}

resource "aws_iam_role" "infra_apply" {
  name               = "platform-infra-apply"
  assume_role_policy = data.aws_iam_policy_document.infra_trust.json
}

resource "aws_iam_policy" "infra_apply" {
  name = "platform-infra-apply"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "infra_apply" {
  role       = aws_iam_role.infra_apply.name
  policy_arn = aws_iam_policy.infra_apply.arn
}

data "aws_iam_policy_document" "app_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:lattice-gaming/matchmaker:environment:production"]
    }
  }
}

resource "aws_iam_role" "matchmaker_deploy" {
  name               = "matchmaker-deploy"
  assume_role_policy = data.aws_iam_policy_document.app_trust.json
}

data "aws_iam_policy_document" "matchmaker_deploy" {
  statement {
    sid    = "AllButIdentityAdmin"
    effect = "Allow"
    not_actions = [
      "iam:CreateUser",
      "iam:CreateAccessKey",
      "iam:AttachUserPolicy",
      "iam:PutUserPolicy",
      "organizations:*",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "matchmaker_deploy" {
  name   = "deploy"
  role   = aws_iam_role.matchmaker_deploy.id
  policy = data.aws_iam_policy_document.matchmaker_deploy.json
}
