provider "aws" {
  alias  = "tooling"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::118822334455:role/terraform"
  }
}

provider "aws" {
  alias  = "staging"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::220033445566:role/terraform"
  }
}

provider "aws" {
  alias  = "production"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::330044556677:role/terraform"
  }
}

locals {
  repository      = "skyline-air/crew-roster"
  deploy_workflow = "skyline-air/platform-workflows/.github/workflows/ecs-deploy.yml"

  tooling_account_id = "118822334455"

  environments = {
    staging = {
      account_id = "220033445566"
    }
    production = {
      account_id = "330044556677"
    }
  }
}

################################################################################
# Build role (tooling account): push from main only
################################################################################

data "aws_iam_policy_document" "build_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.tooling_account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.repository}:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "build" {
  provider = aws.tooling

  name               = "crew-roster-build"
  assume_role_policy = data.aws_iam_policy_document.build_trust.json
}

data "aws_iam_policy_document" "build" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:eu-west-1:${local.tooling_account_id}:repository/crew-roster"]
  }
}

resource "aws_iam_role_policy" "build" {
  provider = aws.tooling

  name   = "ecr-push"
  role   = aws_iam_role.build.id
  policy = data.aws_iam_policy_document.build.json
}

################################################################################
# Deploy roles (one per workload account), used by the platform's reusable workflow
################################################################################

data "aws_iam_policy_document" "deploy_trust" {
  for_each = local.environments

  statement {
    sid     = "PlatformDeployWorkflow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${each.value.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.repository}:environment:${each.key}"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
      values   = ["${local.deploy_workflow}@*"]
    }
  }
}

resource "aws_iam_role" "deploy_staging" {
  provider = aws.staging

  name               = "crew-roster-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust["staging"].json
}

resource "aws_iam_role" "deploy_production" {
  provider = aws.production

  name               = "crew-roster-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust["production"].json
}
