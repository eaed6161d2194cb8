terraform {
  backend "s3" {
    bucket = "cinderpath-tfstate-staging"
    key    = "meter-readings.tfstate"
    region = "ap-southeast-2"
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

locals {
  account_id = "519203746681"
  region     = "ap-southeast-2"
  cluster    = "meter-staging"
}

module "service" {
  source = "../../modules/ecs-service"

  name                              = "meter-readings"
  cluster_arn                       = "arn:aws:ecs:ap-southeast-2:519203746681:cluster/meter-staging"
  image                             = "519203746681.dkr.ecr.ap-southeast-2.amazonaws.com/meter-readings:b41c9e2"
  desired_count                     = 1
  execution_role_arn                = "arn:aws:iam::519203746681:role/meter-readings-execution"
  task_role_arn                     = "arn:aws:iam::519203746681:role/meter-readings-task"
  target_group_arn                  = "arn:aws:elasticloadbalancing:ap-southeast-2:519203746681:targetgroup/meter-readings-stg/1c2d3e4f5a6b7c8d"
  health_check_grace_period_seconds = 90
  subnet_ids                        = ["subnet-0f1e2d3c4b5a69788"]
  security_group_ids                = ["sg-0a1b2c3d4e5f60718"]
  region                            = local.region
}

module "deploy_role" {
  source = "../../modules/deploy-role"

  name        = "meter-readings-staging-deploy"
  account_id  = local.account_id
  region      = local.region
  environment = "staging"
  cluster     = local.cluster
  service     = "meter-readings"
}
