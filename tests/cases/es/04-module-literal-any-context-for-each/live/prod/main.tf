provider "aws" {
  region = "ap-southeast-2"
}

locals {
  account_id = "781245390616"
  services   = toset(["ingest", "query"])
}

module "oidc" {
  source = "../../modules/oidc"
}

module "deploy_role" {
  source   = "../../modules/github-role"
  for_each = local.services

  name              = "analytics-${each.key}-deploy"
  oidc_provider_arn = module.oidc.arn
  repositories      = ["kestrel-analytics/analytics"]

  account_id       = local.account_id
  region           = "ap-southeast-2"
  ecr_repositories = ["analytics-${each.key}"]
  cluster_name     = "analytics"
  service_names    = [each.key]
  pass_role_names  = ["analytics-${each.key}-execution", "analytics-${each.key}-task"]
}
