terraform {
  backend "s3" {
    bucket = "quarry-labs-terraform"
    key    = "shared/github-oidc.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

# One provider per account; the deploy roles of every service trust it.
module "github_oidc" {
  source = "../../modules/oidc"

  client_id_list = ["https://github.com/quarry-labs"]
  tags           = { Owner = "platform" }
}

module "stonecutter_deploy_role" {
  source = "../../modules/github-role"

  name              = "stonecutter-deploy"
  oidc_provider_arn = module.github_oidc.arn
  repository        = "quarry-labs/stonecutter"
  environments      = ["production"]

  account_id       = "227408915364"
  region           = "eu-west-2"
  ecr_repositories = ["stonecutter"]
  cluster_name     = "quarry"
  service_names    = ["stonecutter"]
  pass_role_names  = ["stonecutter-execution", "stonecutter-task"]
}
