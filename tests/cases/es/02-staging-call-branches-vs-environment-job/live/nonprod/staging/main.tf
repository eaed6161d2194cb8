terraform {
  backend "s3" {
    bucket = "brightline-tfstate-nonprod"
    key    = "claims-gateway/staging.tfstate"
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

  name              = "claims-gateway-staging-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "brightline-health/claims-gateway"
  branches          = ["main"]

  account_id       = "518833940212"
  region           = "us-west-2"
  ecr_repositories = ["claims-gateway"]
  cluster_name     = "claims-staging"
  service_names    = ["claims-gateway"]
  pass_role_names  = ["claims-gateway-execution", "claims-gateway-task"]
}
