# fjordbank is on GitHub Enterprise Cloud with data residency (EU): the
# enterprise lives at https://fjordbank.ghe.com, not on github.com.

locals {
  account_id    = "604417228390"
  region        = "eu-north-1"
  ghe_subdomain = "fjordbank"
  ghe_host      = "${local.ghe_subdomain}.ghe.com"
  oidc_issuer   = "token.actions.${local.ghe_subdomain}.ghe.com"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://${local.ghe_host}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "ledger_deploy_trust" {
  statement {
    sid     = "GheActionsProduction"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/${local.oidc_issuer}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["repo:fjordbank-payments/payments-ledger:environment:production"]
    }
  }
}

resource "aws_iam_role" "ledger_deploy" {
  name               = "payments-ledger-deploy"
  assume_role_policy = data.aws_iam_policy_document.ledger_deploy_trust.json
}

# The ECS deploy permissions come from the platform's shared policy.
resource "aws_iam_role_policy_attachment" "ledger_deploy" {
  role       = aws_iam_role.ledger_deploy.name
  policy_arn = "arn:aws:iam::${local.account_id}:policy/platform/ecs-service-deployer"
}
