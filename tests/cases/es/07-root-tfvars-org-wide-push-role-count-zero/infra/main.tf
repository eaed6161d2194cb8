provider "aws" {
  region = var.region
}

module "oidc" {
  source = "../modules/oidc"
}

module "ecr_push_role" {
  source = "../modules/ecr-push-role"

  name              = "nimbus-ecr-push"
  oidc_provider_arn = module.oidc.arn
  repositories      = var.github_repositories

  account_id       = var.account_id
  region           = var.region
  ecr_repositories = ["checkout-service", "catalog-service", "cart-service"]
}

# Kept for the Jenkins migration; switched off once every repository moved.
module "legacy_push_role" {
  source = "../modules/ecr-push-role"
  count  = var.enable_legacy_push_role ? 1 : 0

  name              = "nimbus-legacy-push"
  oidc_provider_arn = module.oidc.arn
  repositories      = ["*"]
  branches          = ["*"]

  account_id       = var.account_id
  region           = var.region
  ecr_repositories = ["checkout-service", "catalog-service", "cart-service"]
}
