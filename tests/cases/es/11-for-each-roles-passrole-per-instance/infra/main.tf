provider "aws" {
  region = "eu-north-1"
}

locals {
  account_id = "486120957333"

  # Both environments share the execution role; task roles are per environment.
  environments = {
    staging = {
      cluster    = "tern-staging"
      pass_roles = ["tern-api-execution", "tern-api-staging-task"]
    }
    production = {
      cluster    = "tern-production"
      pass_roles = ["tern-api-production-task"]
    }
  }
}

module "oidc" {
  source = "../modules/oidc"
}

module "deploy_role" {
  source   = "../modules/github-role"
  for_each = local.environments

  name              = "tern-api-${each.key}-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "arctic-tern/tern-api"
  environments      = [each.key]

  account_id       = local.account_id
  region           = "eu-north-1"
  ecr_repositories = ["tern-api"]
  cluster_name     = each.value.cluster
  service_names    = ["tern-api"]
  pass_role_names  = each.value.pass_roles
}
