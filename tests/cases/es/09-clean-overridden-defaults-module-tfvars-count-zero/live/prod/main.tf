terraform {
  backend "s3" {
    bucket = "fernway-tfstate"
    key    = "booking-engine/prod.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  account_id = "593017264481"
  region     = "us-east-1"
}

module "oidc" {
  source = "../../modules/oidc"
}

module "deploy_role" {
  source = "../../modules/github-role"

  name              = "booking-engine-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "fernway-travel/booking-engine"
  environments      = ["production"]

  account_id       = local.account_id
  region           = local.region
  ecr_repositories = ["booking-engine"]
  cluster_name     = "fernway-prod"
  service_names    = [module.booking_engine.service_name]
  pass_role_names  = ["booking-engine-execution", "booking-engine-task"]
}

# Hotfix role used during the 2024 migration; disabled, kept for the audit trail.
module "hotfix_role" {
  source = "../../modules/github-role"
  count  = 0

  name              = "booking-engine-hotfix"
  oidc_provider_arn = module.oidc.arn
  repository        = "*"
  branches          = ["*"]

  account_id       = local.account_id
  region           = local.region
  ecr_repositories = ["booking-engine"]
  cluster_name     = "fernway-prod"
  service_names    = ["booking-engine"]
  pass_role_names  = ["booking-engine-execution", "booking-engine-task"]
}

module "booking_engine" {
  source = "../../modules/ecs-service"

  name        = "booking-engine"
  region      = local.region
  cluster_arn = "arn:aws:ecs:us-east-1:593017264481:cluster/fernway-prod"
  image       = "593017264481.dkr.ecr.us-east-1.amazonaws.com/booking-engine:e3a9c1f7b5d2084a6c9e1b3d5f7a2c4e6b8d0f13"
  cpu         = 2048
  memory      = 4096

  execution_role_arn = "arn:aws:iam::593017264481:role/booking-engine-execution"
  task_role_arn      = "arn:aws:iam::593017264481:role/booking-engine-task"

  circuit_breaker                   = true
  health_check_grace_period_seconds = 120

  target_group_arn   = "arn:aws:elasticloadbalancing:us-east-1:593017264481:targetgroup/booking-engine/5e2c8a1f4b7d9036"
  subnet_ids         = ["subnet-0d4a8c2e6f1b39570", "subnet-0a9e3c7f1d5b24680"]
  security_group_ids = ["sg-0e6c2a9f4d1b73580"]
}
