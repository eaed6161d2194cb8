terraform {
  backend "s3" {
    bucket = "cinderpath-tfstate-production"
    key    = "meter-readings.tfstate"
    region = "ap-southeast-2"
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

locals {
  account_id = "673015829944"
  region     = "ap-southeast-2"
  cluster    = "meter-production"
}

module "service" {
  source = "../../modules/ecs-service"

  name                              = "meter-readings"
  cluster_arn                       = "arn:aws:ecs:ap-southeast-2:673015829944:cluster/meter-production"
  image                             = "673015829944.dkr.ecr.ap-southeast-2.amazonaws.com/meter-readings:b41c9e2"
  desired_count                     = 3
  execution_role_arn                = "arn:aws:iam::673015829944:role/meter-readings-execution"
  task_role_arn                     = "arn:aws:iam::673015829944:role/meter-readings-task"
  target_group_arn                  = "arn:aws:elasticloadbalancing:ap-southeast-2:673015829944:targetgroup/meter-readings/9e8d7c6b5a4f3e2d"
  health_check_grace_period_seconds = 30 # same as the target group health check interval
  subnet_ids                        = ["subnet-0a7b6c5d4e3f21009", "subnet-0b8c7d6e5f4a32110"]
  security_group_ids                = ["sg-0f9e8d7c6b5a41302"]
  region                            = local.region
}

module "deploy_role" {
  source = "../../modules/deploy-role"

  name        = "meter-readings-production-deploy"
  account_id  = local.account_id
  region      = local.region
  environment = "production"
  cluster     = local.cluster
  service     = "meter-readings"
}
