data "terraform_remote_state" "platform" {
  backend = "s3"

  config = {
    bucket = "tallgrass-terraform-state"
    key    = "platform/github-oidc.tfstate"
    region = "us-east-2"
  }
}

data "aws_iam_policy_document" "yield_api_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.terraform_remote_state.platform.outputs.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${data.terraform_remote_state.platform.outputs.github_oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${data.terraform_remote_state.platform.outputs.github_oidc_host}:sub"
      values   = ["repo:tallgrass-ag/yield-api:environment:production"]
    }
  }
}

resource "aws_iam_role" "yield_api_deploy" {
  name               = "yield-api-deploy"
  assume_role_policy = data.aws_iam_policy_document.yield_api_trust.json
}
