locals {
  github_owner = "larkspur-labs"
  account_id   = "862047193155"
  region       = "eu-west-2"

  # One deploy role per service repository; each may deploy only from the
  # GitHub environments listed.
  deploy_roles = {
    checkout-api = {
      repository   = "checkout-api"
      environments = ["staging", "production"]
      cluster      = "larkspur-main"
    }
    ledger = {
      repository   = "ledger"
      environments = ["production"]
      cluster      = "larkspur-main"
    }
    # Shared role for the one-off ops tasks every service repo runs from its
    # "ops" environment (reindex, cache warm-up).
    ops-tasks = {
      repository   = "*"
      environments = ["ops"]
      cluster      = "larkspur-main"
    }
  }
}

module "deploy_role" {
  source   = "./modules/github-deploy-role"
  for_each = local.deploy_roles

  role_name         = "gha-${each.key}-deploy"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
  github_owner      = local.github_owner
  github_repository = each.value.repository
  environments      = each.value.environments

  ecs_cluster_arn = "arn:aws:ecs:${local.region}:${local.account_id}:cluster/${each.value.cluster}"
  account_id      = local.account_id
  region          = local.region
}
