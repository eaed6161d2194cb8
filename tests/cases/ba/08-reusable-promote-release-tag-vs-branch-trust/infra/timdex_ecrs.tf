# GitHub Actions OIDC roles for the timdex app repository, one per environment
# (the expanded form of modules/ecr for repo_name = "timdex").

data "aws_iam_policy_document" "gh_trust_stage" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::620187354412:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:MITLibraries/timdex:ref:refs/heads/main"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gha_stage" {
  name               = "timdex-gha-stage"
  assume_role_policy = data.aws_iam_policy_document.gh_trust_stage.json
}

data "aws_iam_policy_document" "gh_trust_prod" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::731842009655:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:MITLibraries/timdex:ref:refs/tags/*"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gha_prod" {
  name               = "timdex-gha-prod"
  assume_role_policy = data.aws_iam_policy_document.gh_trust_prod.json
}

### Read-write permissions on each environment's ECR repository
data "aws_iam_policy_document" "rw_stage" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:ListImages",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-east-1:620187354412:repository/timdex-stage"]
  }
}

resource "aws_iam_role_policy" "gha_stage_ecr_rw" {
  name   = "timdex-ecr-rw-stage"
  role   = aws_iam_role.gha_stage.name
  policy = data.aws_iam_policy_document.rw_stage.json
}

data "aws_iam_policy_document" "rw_prod" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:ListImages",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-east-1:731842009655:repository/timdex-prod"]
  }
}

resource "aws_iam_role_policy" "gha_prod_ecr_rw" {
  name   = "timdex-ecr-rw-prod"
  role   = aws_iam_role.gha_prod.name
  policy = data.aws_iam_policy_document.rw_prod.json
}
