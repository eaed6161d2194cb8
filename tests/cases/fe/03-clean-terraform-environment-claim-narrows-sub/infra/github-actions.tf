data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = "us-west-2"
  repository = "larkspur-health/claims-portal"
}

# Since STS evaluates GitHub's extra claims (2026) we pin the environment with
# its own claim and keep the sub condition to "this repository".
data "aws_iam_policy_document" "claims_portal_trust" {
  statement {
    sid     = "ClaimsPortalProduction"
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.repository}:*"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:environment"
      values   = ["production"]
    }
  }
}

resource "aws_iam_role" "claims_portal_deploy" {
  name               = "claims-portal-deploy"
  assume_role_policy = data.aws_iam_policy_document.claims_portal_trust.json
}

data "aws_iam_policy_document" "claims_portal_deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/claims-portal"]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:task-definition/claims-portal:*"]
  }

  statement {
    sid       = "DeployService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/larkspur-prod/claims-portal"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/claims-portal-execution",
      "arn:aws:iam::${local.account_id}:role/claims-portal-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "claims_portal_deploy" {
  name   = "deploy"
  role   = aws_iam_role.claims_portal_deploy.id
  policy = data.aws_iam_policy_document.claims_portal_deploy.json
}
