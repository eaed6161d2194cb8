data "aws_caller_identity" "current" {}

variable "aws_region" {
  type    = string
  default = "eu-central-1"
}

data "aws_iam_policy_document" "fleet_gateway_deploy_trust" {
  statement {
    sid     = "FleetGatewayProduction"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    # Runners use the regional STS endpoint (sts.eu-central-1.amazonaws.com),
    # so accept any regional audience.
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.*.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:ostrava-mobility/fleet-gateway:environment:production"]
    }
  }
}

resource "aws_iam_role" "fleet_gateway_deploy" {
  name               = "fleet-gateway-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.fleet_gateway_deploy_trust.json
}
