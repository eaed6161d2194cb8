data "aws_iam_policy_document" "github_trust" {
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
      values   = ["repo:fernhill-games/matchmaker:environment:production"]
    }
  }
}

data "aws_iam_policy_document" "github_deploy" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [for name in keys(local.services) : "arn:aws:ecr:${local.region}:${local.account_id}:repository/${name}"]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "DescribeServices"
    actions   = ["ecs:DescribeServices"]
    resources = [for name in keys(local.services) : "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/${name}"]
  }

  statement {
    sid = "CodeDeployDeployments"
    actions = [
      "codedeploy:CreateDeployment",
      "codedeploy:GetDeployment",
      "codedeploy:GetDeploymentGroup",
    ]
    resources = [for name in keys(local.services) : "arn:aws:codedeploy:${local.region}:${local.account_id}:deploymentgroup:matchmaker/${name}-bg"]
  }

  statement {
    sid       = "CodeDeployRevisions"
    actions   = ["codedeploy:RegisterApplicationRevision"]
    resources = ["arn:aws:codedeploy:${local.region}:${local.account_id}:application:matchmaker"]
  }

  statement {
    sid       = "CodeDeployConfigs"
    actions   = ["codedeploy:GetDeploymentConfig"]
    resources = ["arn:aws:codedeploy:${local.region}:${local.account_id}:deploymentconfig:*"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = concat(
      ["arn:aws:iam::${local.account_id}:role/matchmaker-execution"],
      [for name in keys(local.services) : "arn:aws:iam::${local.account_id}:role/${name}-task"],
    )

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "github_deploy" {
  name               = "matchmaker-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

resource "aws_iam_role_policy" "github_deploy" {
  name   = "blue-green-deploy"
  role   = aws_iam_role.github_deploy.id
  policy = data.aws_iam_policy_document.github_deploy.json
}
