data "aws_iam_policy_document" "assume_from_github" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::893014552107:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:bramble-io/notifier:environment:production"]
    }
  }
}

resource "aws_iam_role" "deployer" {
  name               = "notifier-deployer"
  assume_role_policy = data.aws_iam_policy_document.assume_from_github.json
}

data "aws_iam_policy_document" "ecs_deploy" {
  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "Service"
    actions   = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = ["arn:aws:ecs:us-west-2:893014552107:service/bramble/notifier"]
  }

  statement {
    sid       = "PassRoles"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::893014552107:role/notifier-ecs-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "ecs_deploy" {
  name   = "notifier-ecs-deploy"
  policy = data.aws_iam_policy_document.ecs_deploy.json
}

resource "aws_iam_role_policy_attachment" "deployer" {
  for_each = {
    ecr = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
    ecs = aws_iam_policy.ecs_deploy.arn
  }

  role       = aws_iam_role.deployer.name
  policy_arn = each.value
}
