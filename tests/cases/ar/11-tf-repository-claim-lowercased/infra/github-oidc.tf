data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

locals {
  # Names are compared lower-case everywhere else in this stack (S3 keys, ECR).
  github_repository = "halyard-ai/inferencegateway"
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    sid     = "InferenceGatewayProduction"
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
      values   = ["repo:Halyard-AI/InferenceGateway:environment:production"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:repository"
      values   = [local.github_repository]
    }
  }
}

data "aws_iam_policy_document" "image_trust" {
  statement {
    sid     = "InferenceGatewayImages"
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
      values   = ["repo:Halyard-AI/InferenceGateway:ref:refs/heads/main"]
    }

    condition {
      test     = "StringEqualsIgnoreCase"
      variable = "token.actions.githubusercontent.com:repository"
      values   = [local.github_repository]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "inference-gateway-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}

resource "aws_iam_role" "image" {
  name               = "inference-gateway-image"
  assume_role_policy = data.aws_iam_policy_document.image_trust.json
}

data "aws_iam_policy_document" "pipeline" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-west-2:590217364820:repository/inference-gateway"]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "UpdateService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-west-2:590217364820:service/inference/inference-gateway"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::590217364820:role/inference-gateway-execution",
      "arn:aws:iam::590217364820:role/inference-gateway-task",
    ]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "pipeline"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.pipeline.json
}

resource "aws_iam_role_policy" "image" {
  name   = "pipeline"
  role   = aws_iam_role.image.id
  policy = data.aws_iam_policy_document.pipeline.json
}
