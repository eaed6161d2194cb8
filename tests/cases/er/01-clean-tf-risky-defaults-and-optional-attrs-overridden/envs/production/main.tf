terraform {
  backend "s3" {
    bucket = "tallowbrook-tfstate-production"
    key    = "parcel-tracker/production.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

locals {
  account_id = "587430016224"
  region     = "eu-west-2"
  name       = "parcel-tracker"
}

module "api" {
  source = "../../modules/ecs-service"

  name               = local.name
  cluster_arn        = "arn:aws:ecs:eu-west-2:587430016224:cluster/production"
  repository_url     = "587430016224.dkr.ecr.eu-west-2.amazonaws.com/parcel-tracker"
  image_tag          = "v3.14.1"
  cpu                = 1024
  memory             = 2048
  desired_count      = 3
  execution_role_arn = "arn:aws:iam::587430016224:role/parcel-tracker-execution"
  task_role_arn      = "arn:aws:iam::587430016224:role/parcel-tracker-task"
  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-2:587430016224:targetgroup/parcel-tracker/2a7f0b1c9d3e4f56"
  subnet_ids         = ["subnet-0e11f2a3b4c5d6e70", "subnet-0f22a3b4c5d6e7f81", "subnet-0a33b4c5d6e7f8a92"]
  security_group_ids = ["sg-0d2e3f4a5b6c7d8e9"]
  log_group_name     = "/ecs/parcel-tracker"
  aws_region         = local.region

  deployment = {
    minimum_healthy_percent = 100
    maximum_percent         = 150
    circuit_breaker         = true
    grace_period_seconds    = 120
  }
}

module "deploy_role" {
  source = "../../modules/gha-deploy-role"

  role_name              = "parcel-tracker-production-deploy"
  oidc_provider_arn      = "arn:aws:iam::587430016224:oidc-provider/token.actions.githubusercontent.com"
  github_subjects        = ["repo:tallowbrook/parcel-tracker:environment:production"]
  ecr_repository_arn     = "arn:aws:ecr:eu-west-2:587430016224:repository/parcel-tracker"
  task_definition_family = local.name
  service_arns           = ["arn:aws:ecs:eu-west-2:587430016224:service/production/${local.name}"]
  pass_role_arns = [
    "arn:aws:iam::587430016224:role/parcel-tracker-execution",
    "arn:aws:iam::587430016224:role/parcel-tracker-task",
  ]
  aws_region = local.region
  account_id = local.account_id
}
