variable "account_id" {
  type    = string
  default = "927461035518"
}

variable "region" {
  type    = string
  default = "eu-north-1"
}

locals {
  provider_arn = format("arn:aws:iam::%s:oidc-provider/token.actions.githubusercontent.com", var.account_id)
  prod_subject = format("repo:%s/%s:environment:%s", "quarry-labs", "geo-tiles", "production")
}

data "aws_iam_policy_document" "github_production" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.prod_subject]
    }
  }
}

# Split duties: one role may only push images, the other may only roll the
# service. Both are assumed by the same production job, one after the other.
resource "aws_iam_role" "ecr_push" {
  name               = "geo-tiles-ecr-push"
  assume_role_policy = data.aws_iam_policy_document.github_production.json
}

resource "aws_iam_role" "ecs_deploy" {
  name               = "geo-tiles-ecs-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_production.json
}

data "aws_iam_policy_document" "ecr_push" {
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
    resources = [format("arn:aws:ecr:%s:%s:repository/geo-tiles", var.region, var.account_id)]
  }
}

data "aws_iam_policy_document" "ecs_deploy" {
  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }
  statement {
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [format("arn:aws:ecs:%s:%s:service/tiles-prod/geo-tiles", var.region, var.account_id)]
  }
  statement {
    actions = ["iam:PassRole"]
    resources = [
      format("arn:aws:iam::%s:role/geo-tiles-execution", var.account_id),
      format("arn:aws:iam::%s:role/geo-tiles-task", var.account_id),
    ]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "ecr_push" {
  name   = "ecr-push"
  role   = aws_iam_role.ecr_push.id
  policy = data.aws_iam_policy_document.ecr_push.json
}

resource "aws_iam_role_policy" "ecs_deploy" {
  name   = "ecs-deploy"
  role   = aws_iam_role.ecs_deploy.id
  policy = data.aws_iam_policy_document.ecs_deploy.json
}
