# Per-environment image push roles. They trust only workflows run on the main
# branch and may only push to their own environment's ECR repository. Creating or
# deleting repositories is left to the apply role.

locals {
  account_id         = "318402657719"
  region             = "ap-northeast-2"
  repository_subject = "repo:ban-dal/aws-ecs-fullstack-app"
  environments       = toset(["preprod", "prod"])
  role_names         = { for environment in local.environments : environment => "aws-fullstack-lab-${environment}-image" }
  repository_arns = {
    for environment in local.environments :
    environment => "arn:aws:ecr:${local.region}:${local.account_id}:repository/aws-fullstack-lab-${environment}-web"
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
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

    # The subject of main-branch jobs without an environment. Pull request jobs never get it.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["${local.repository_subject}:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = local.environments

  name                 = local.role_names[each.key]
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = 3600

  tags = {
    Project     = "aws-fullstack-lab"
    Environment = each.key
    Purpose     = "image-push"
  }
}

data "aws_iam_policy_document" "permissions" {
  for_each = local.environments

  # The registry login token has no resource-level permissions.
  statement {
    sid       = "GetRegistryLoginToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [local.region]
    }
  }

  statement {
    sid = "PushToOwnRepository"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImageScanFindings",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [local.repository_arns[each.key]]
  }
}

resource "aws_iam_role_policy" "this" {
  for_each = local.environments

  name   = "ecr-image-push"
  role   = aws_iam_role.this[each.key].name
  policy = data.aws_iam_policy_document.permissions[each.key].json
}
