data "aws_iam_policy_document" "release_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::564738291046:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:brightmeadow/pipeline:environment:production"]
    }
  }
}

resource "aws_iam_role" "release" {
  name               = "pipeline-github-release"
  assume_role_policy = data.aws_iam_policy_document.release_trust.json
}

data "aws_iam_policy_document" "release" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushStageImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [
      aws_ecr_repository.stage["ingest"].arn,
      aws_ecr_repository.stage["enrich"].arn,
    ]
  }

  statement {
    sid       = "RegisterStageTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["arn:aws:ecs:ap-southeast-2:564738291046:task-definition/pipeline-*:*"]
  }

  statement {
    sid       = "RollStageServices"
    actions   = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = ["arn:aws:ecs:ap-southeast-2:564738291046:service/pipeline/pipeline-*"]
  }

  statement {
    sid     = "PassStageRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::564738291046:role/pipeline-execution",
      "arn:aws:iam::564738291046:role/pipeline-*-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "release" {
  name   = "release"
  role   = aws_iam_role.release.id
  policy = data.aws_iam_policy_document.release.json
}
