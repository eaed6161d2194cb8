terraform {
  backend "s3" {
    bucket = "tallowbrook-tfstate-staging"
    key    = "parcel-tracker/staging.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

locals {
  account_id = "204871553902"
  region     = "eu-west-2"
  name       = "parcel-tracker-staging"
}

module "api" {
  source = "../../modules/ecs-service"

  name               = local.name
  cluster_arn        = "arn:aws:ecs:eu-west-2:204871553902:cluster/staging"
  repository_url     = "204871553902.dkr.ecr.eu-west-2.amazonaws.com/parcel-tracker"
  image_tag          = "v3.14.2"
  cpu                = 256
  memory             = 512
  desired_count      = 1
  execution_role_arn = "arn:aws:iam::204871553902:role/parcel-tracker-staging-execution"
  task_role_arn      = "arn:aws:iam::204871553902:role/parcel-tracker-staging-task"
  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-2:204871553902:targetgroup/parcel-tracker-stg/6d0ecf831eec9f09"
  subnet_ids         = ["subnet-0a41c3d2e5f6a7b80", "subnet-0b52d4e3f6a7b8c91"]
  security_group_ids = ["sg-0c1d2e3f4a5b6c7d8"]
  log_group_name     = "/ecs/parcel-tracker-staging"
  aws_region         = local.region

  deployment = {
    circuit_breaker      = true
    grace_period_seconds = 90
  }
}

module "deploy_role" {
  source = "../../modules/gha-deploy-role"

  role_name              = "parcel-tracker-staging-deploy"
  oidc_provider_arn      = "arn:aws:iam::204871553902:oidc-provider/token.actions.githubusercontent.com"
  github_subjects        = ["repo:tallowbrook/parcel-tracker:environment:staging"]
  ecr_repository_arn     = "arn:aws:ecr:eu-west-2:204871553902:repository/parcel-tracker"
  task_definition_family = local.name
  service_arns           = ["arn:aws:ecs:eu-west-2:204871553902:service/staging/${local.name}"]
  pass_role_arns = [
    "arn:aws:iam::204871553902:role/parcel-tracker-staging-execution",
    "arn:aws:iam::204871553902:role/parcel-tracker-staging-task",
  ]
  aws_region = local.region
  account_id = local.account_id
}
