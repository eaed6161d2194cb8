terraform {
  backend "s3" {
    bucket = "brightline-tfstate-prod"
    key    = "claims-gateway/production.tfstate"
    region = "us-west-2"
  }
}

provider "aws" {
  region = "us-west-2"
}

module "oidc" {
  source = "../../../modules/oidc"
}

module "deploy_role" {
  source = "../../../modules/github-role"

  name              = "claims-gateway-production-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "brightline-health/claims-gateway"
  environments      = ["production"]

  account_id       = "518833940377"
  region           = "us-west-2"
  ecr_repositories = ["claims-gateway"]
  cluster_name     = "claims-production"
  service_names    = ["claims-gateway"]
  pass_role_names  = ["claims-gateway-execution", "claims-gateway-task"]
}
