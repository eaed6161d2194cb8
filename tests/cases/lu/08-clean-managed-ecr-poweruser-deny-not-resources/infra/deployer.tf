locals {
  account_id = "127730495286"
  region     = "us-west-2"
  cluster    = "civic"
  service    = "lantern-web"
}

data "aws_iam_policy_document" "assume_from_github" {
  statement {
    sid     = "ProductionEnvironmentOnly"
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
      values   = ["repo:lantern-civic/lantern-web:environment:production"]
    }
  }
}

resource "aws_iam_role" "deployer" {
  name               = "lantern-web-deployer"
  assume_role_policy = data.aws_iam_policy_document.assume_from_github.json
}

resource "aws_iam_role_policy_attachment" "ecr" {
  role       = aws_iam_role.deployer.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}

data "aws_iam_policy_document" "ecs_rollout" {
  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "Service"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/*"]
  }

  statement {
    sid       = "OnlyThisService"
    effect    = "Deny"
    actions   = ["ecs:UpdateService", "ecs:DeleteService"]
    not_resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/${local.service}"]
  }

  statement {
    sid       = "PassLanternRoles"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/lantern-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "ecs_rollout" {
  name   = "ecs-rollout"
  role   = aws_iam_role.deployer.id
  policy = data.aws_iam_policy_document.ecs_rollout.json
}
