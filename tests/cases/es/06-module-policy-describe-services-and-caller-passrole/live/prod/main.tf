provider "aws" {
  region = "ca-central-1"
}

module "oidc" {
  source = "../../modules/oidc"
}

module "storefront_deploy" {
  source = "../../modules/github-role"

  name              = "storefront-web-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "orchard-commerce/storefront-web"
  environments      = ["production"]

  account_id       = "309871245560"
  region           = "ca-central-1"
  ecr_repositories = ["storefront-web"]
  cluster_name     = "orchard-prod"
  service_names    = ["storefront-web"]
  pass_role_names  = ["storefront-web-task"]
}
