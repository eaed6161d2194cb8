terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket = "saltgrass-terraform-state"
    key    = "ingest/production.tfstate"
    region = "us-east-1"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  cluster = "saltgrass-production"
  vpc = {
    subnets = ["subnet-0a1a2a3a4a5a6a7a8", "subnet-0b1b2b3b4b5b6b7b8"]
    sgs     = ["sg-0c1c2c3c4c5c6c7c8"]
  }
}

data "aws_lb_target_group" "api" {
  name = "ingest-api"
}

module "api" {
  source = "./modules/api"

  name          = "ingest-api"
  cluster_name  = local.cluster
  image         = "852741963014.dkr.ecr.us-east-1.amazonaws.com/ingest:${var.image_tag}"
  cpu           = 1024
  memory        = 4096
  desired_count = 2

  target_group_arn   = data.aws_lb_target_group.api.arn
  subnet_ids         = local.vpc.subnets
  security_group_ids = local.vpc.sgs
}

module "github_deploy" {
  source = "./modules/github-deploy-role"

  role_name          = "ingest-github-deploy"
  github_repository  = "saltgrass/ingest"
  github_environment = "production"

  ecr_repository_arns = ["arn:aws:ecr:us-east-1:852741963014:repository/ingest"]
  ecs_cluster_name    = local.cluster
  ecs_service_names   = [module.api.service_name]
  pass_role_arns      = [module.api.execution_role_arn, module.api.task_role_arn]
}
