resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# ---- deploy role (created with a prefix; name lives in vars.LEDGER_DEPLOY_ROLE_ARN)

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

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
      values   = ["repo:quillfeather/ledger:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name_prefix        = "ledger-deploy-"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-east-1:826451037719:repository/ledger-api"]
  }

  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-east-1:826451037719:service/ledger/ledger-api"]
  }

  statement {
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::826451037719:role/ledger-api-execution",
      "arn:aws:iam::826451037719:role/ledger-api-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

# ---- drift detection (read-only, exact name)

data "aws_iam_policy_document" "drift_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

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
      values   = ["repo:quillfeather/ledger:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "drift" {
  name               = "ledger-deploy-readonly"
  assume_role_policy = data.aws_iam_policy_document.drift_trust.json
}

data "aws_iam_policy_document" "drift" {
  statement {
    actions   = ["ecs:DescribeServices"]
    resources = ["arn:aws:ecs:us-east-1:826451037719:service/ledger/ledger-api"]
  }

  statement {
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "drift" {
  name   = "drift"
  role   = aws_iam_role.drift.id
  policy = data.aws_iam_policy_document.drift.json
}
