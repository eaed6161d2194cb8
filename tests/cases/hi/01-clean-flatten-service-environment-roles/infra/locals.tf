locals {
  account_id  = "418203957216"
  region      = "eu-west-2"
  github_repo = "marlowe-transit/fares"

  # Which GitHub environments each service is deployed to from this repository.
  services = {
    api = {
      environments = ["staging", "production"]
    }
    worker = {
      environments = ["production"]
    }
  }

  # One deploy role per (service, environment): fares-api-staging-deploy,
  # fares-api-production-deploy, fares-worker-production-deploy.
  deploy_targets = {
    for target in flatten([
      for service, cfg in local.services : [
        for environment in cfg.environments : {
          service     = service
          environment = environment
        }
      ]
    ]) : "${target.service}-${target.environment}" => target
  }
}
