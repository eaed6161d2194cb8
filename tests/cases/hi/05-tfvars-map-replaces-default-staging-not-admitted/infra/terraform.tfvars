# Production moved to the shared cluster (INFRA-2291).
deploy_environments = {
  production = "shared-production"
}
