variable "github_repository" {
  type    = string
  default = "northwind-io/catalog"
}

variable "extra_trust_conditions" {
  description = "Additional conditions on GitHub's token, ANDed with the sub check."
  type = list(object({
    test     = string
    variable = string
    values   = list(string)
  }))
  default = [
    {
      test     = "StringLikeIfExists"
      variable = "token.actions.githubusercontent.com:environment"
      values   = ["production"]
    },
  ]
}

data "aws_iam_policy_document" "catalog_deploy_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::739201846652:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:*"]
    }

    dynamic "condition" {
      for_each = var.extra_trust_conditions

      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}

resource "aws_iam_role" "catalog_deploy" {
  name               = "catalog-deploy"
  assume_role_policy = data.aws_iam_policy_document.catalog_deploy_trust.json
}
