provider "aws" {
  region = "eu-north-1"
}

module "github_oidc_provider" {
  source = "../modules/github-oidc-provider"

  tags = {
    Owner = "platform"
  }
}
