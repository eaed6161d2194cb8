locals {
  services = ["payments", "refunds"]
}

data "aws_iam_policy_document" "trust" {
  count = length(local.services)

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::381492006517:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-freight/${local.services[count.index]}:ref:refs/heads/*"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  count = length(local.services)

  name               = "${local.services[count.index]}-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust[count.index].json
}

resource "aws_iam_role_policy" "deploy" {
  count = length(local.services)

  name = "ecs-rollout"
  role = aws_iam_role.deploy[count.index].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:us-west-2:381492006517:service/payments/${local.services[count.index]}"
      }
    ]
  })
}
