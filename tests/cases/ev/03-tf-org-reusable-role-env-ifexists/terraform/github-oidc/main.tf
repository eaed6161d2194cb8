terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# Every service repository deploys through the shared workflow in
# quarry-analytics/deploy-workflows; the role is only for that workflow.
data "aws_iam_policy_document" "ecs_deployer_trust" {
  statement {
    sid     = "SharedEcsServiceWorkflow"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:quarry-analytics/*"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
      values   = ["quarry-analytics/deploy-workflows/.github/workflows/ecs-service.yml@refs/heads/main"]
    }

    condition {
      test     = "StringLikeIfExists"
      variable = "token.actions.githubusercontent.com:environment"
      values   = ["prod*"]
    }
  }
}

resource "aws_iam_role" "ecs_deployer" {
  name                 = "github-ecs-service-deployer"
  assume_role_policy   = data.aws_iam_policy_document.ecs_deployer_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "ecs_deployer" {
  role       = aws_iam_role.ecs_deployer.name
  policy_arn = "arn:aws:iam::735102948366:policy/ecs-service-deploy"
}
