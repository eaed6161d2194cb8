terraform {
  backend "s3" {
    bucket = "quillstone-terraform-state"
    key    = "ledger-sync/prod/terraform.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = "eu-central-1"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

module "deployer" {
  source = "../../modules/github-deploy-role"

  role_name         = "ledger-sync-deployer"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
  subjects          = ["repo:quillstone/ledger-sync:environment:production"]

  # Belt and braces: only tokens minted for repositories of our org.
  extra_conditions = [
    {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:repository_owner"
      values   = ["quillstone"]
    }
  ]

  managed_policy_arns = ["arn:aws:iam::845630172209:policy/ledger-sync-terraform"]
}
