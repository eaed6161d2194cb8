variable "service_repos" {
  description = "Service repositories (name in the acme-freight org) that deploy to ECS"
  type = map(object({
    cluster = string
  }))
}

data "aws_iam_policy_document" "service_trust" {
  for_each = var.service_repos

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::381492006517:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-freight/${each.key}:environment:production"]
    }
  }
}

resource "aws_iam_role" "service" {
  for_each = var.service_repos

  name               = "${each.key}-deploy"
  assume_role_policy = data.aws_iam_policy_document.service_trust[each.key].json
}
