data "aws_iam_policy_document" "inventory_deploy_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::737373737373:oidc-provider/github.fabrikam.com/_services/token"]
    }

    condition {
      test     = "StringEquals"
      variable = "github.fabrikam.com/_services/token:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "github.fabrikam.com/_services/token:sub"
      values   = ["repo:warehouse/inventory:environment:production"]
    }
  }
}

resource "aws_iam_role" "inventory_deploy" {
  name               = "inventory-deploy"
  assume_role_policy = data.aws_iam_policy_document.inventory_deploy_trust.json
}
