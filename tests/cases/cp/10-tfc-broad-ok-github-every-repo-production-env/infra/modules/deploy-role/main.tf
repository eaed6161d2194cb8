variable "account_id" {
  type = string
}

variable "tfc_organization" {
  type    = string
  default = "quanta-grid"
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "TerraformCloudAnyWorkspace"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/app.terraform.io"]
    }

    condition {
      test     = "StringEquals"
      variable = "app.terraform.io:aud"
      values   = ["aws.workload.identity"]
    }

    condition {
      test     = "StringLike"
      variable = "app.terraform.io:sub"
      values   = ["organization:${var.tfc_organization}:*"]
    }
  }

  statement {
    sid     = "GitHubProductionEnvironments"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:quanta-grid/*:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "grid-services-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
