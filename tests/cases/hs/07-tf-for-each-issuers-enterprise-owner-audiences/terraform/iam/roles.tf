data "aws_iam_policy_document" "retail_deploy_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github["enterprise"].arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com/${var.enterprise_slug}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com/${var.enterprise_slug}:sub"
      values   = ["repo:halvard-retail/storefront:environment:production"]
    }
  }
}

resource "aws_iam_role" "retail_deploy" {
  name               = "storefront-deploy"
  assume_role_policy = data.aws_iam_policy_document.retail_deploy_trust.json
}
