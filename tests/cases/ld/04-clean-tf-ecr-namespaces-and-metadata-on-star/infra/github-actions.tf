data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = "ap-southeast-2"
  ecr_prefix = "arn:aws:ecr:${local.region}:${local.account_id}:repository"
}

data "aws_iam_policy_document" "build_trust" {
  statement {
    effect  = "Allow"
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
      values   = ["repo:harbourline/tidewatch:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "image_build" {
  name               = "tidewatch-image-build"
  assume_role_policy = data.aws_iam_policy_document.build_trust.json
}

data "aws_iam_policy_document" "image_build" {
  # GetAuthorizationToken has no resource-level permissions.
  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  # `aws ecr describe-images` is used to skip builds whose commit is already pushed.
  statement {
    sid       = "ReadImageMetadata"
    actions   = ["ecr:DescribeImages", "ecr:DescribeRepositories"]
    resources = ["*"]
  }

  statement {
    sid = "PushTidewatchImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [for repo in aws_ecr_repository.app : repo.arn]
  }

  # Base images come through the Docker Hub pull-through cache; the first pull
  # of an image creates its repository under docker-hub/.
  statement {
    sid = "PullThroughCache"
    actions = [
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
      "ecr:BatchImportUpstreamImage",
      "ecr:CreateRepository",
    ]
    resources = ["${local.ecr_prefix}/docker-hub/*"]
  }
}

resource "aws_iam_role_policy" "image_build" {
  name   = "image-build"
  role   = aws_iam_role.image_build.id
  policy = data.aws_iam_policy_document.image_build.json
}
