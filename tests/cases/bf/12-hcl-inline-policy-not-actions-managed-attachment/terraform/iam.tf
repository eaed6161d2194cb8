locals {
  account_id = "193846205571"
  region     = "ap-northeast-1"
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    sid     = "GitHubProduction"
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
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:driftwood-labs/inventory:environment:production"]
    }
  }

  statement {
    sid     = "GitHubMainBuild"
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
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:driftwood-labs/inventory:ref:refs/heads/main"]
    }
  }

  statement {
    sid     = "LegacyJenkins"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.account_id}:role/jenkins-agent"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "inventory-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json

  inline_policy {
    name = "ecs-deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["ecs:*"]
          Resource = "*"
        },
      ]
    })
  }
}

resource "aws_iam_role_policy_attachment" "deploy_ecr" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}

data "aws_iam_policy_document" "oncall" {
  statement {
    sid         = "EverythingButIdentity"
    effect      = "Allow"
    not_actions = ["iam:*", "organizations:*", "account:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "oncall" {
  name   = "inventory-oncall"
  policy = data.aws_iam_policy_document.oncall.json
}

resource "aws_iam_role_policy_attachment" "oncall" {
  role       = "inventory-oncall"
  policy_arn = aws_iam_policy.oncall.arn
}
