data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "lumen_grid_production_deploy" {
  statement {
    sid     = "LumenGridProductionEnvironment"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # Any repository of the org...
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:lumen-grid/*"]
    }

    # ...but only from the production environment. A second StringLike block on the same
    # key would be merged into the first list (OR), so this one uses ForAnyValue.
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["*:environment:production"]
    }
  }
}

resource "aws_iam_role" "production_deploy" {
  name               = "lumen-grid-production-deploy"
  assume_role_policy = data.aws_iam_policy_document.lumen_grid_production_deploy.json
}
