terraform {
  backend "s3" {
    bucket = "brightwell-infra-state"
    key    = "billing/production/terraform.tfstate"
    region = "us-east-1"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  env     = "production"
  cluster = "brightwell-production"
  subnets = ["subnet-0aa1b2c3d4e5f6a7b", "subnet-0bb2c3d4e5f6a7b8c"]
  sgs     = ["sg-0cc3d4e5f6a7b8c9d"]
}

data "aws_lb_target_group" "api" {
  name = "billing-api-production"
}

module "api" {
  source = "../../modules/service"

  name          = "billing-api-${local.env}"
  cluster_name  = local.cluster
  image         = "369258147036.dkr.ecr.us-east-1.amazonaws.com/billing:${var.image_tag}"
  desired_count = var.api_desired_count

  target_group_arn   = data.aws_lb_target_group.api.arn
  subnet_ids         = local.subnets
  security_group_ids = local.sgs
}

module "invoice_worker" {
  source = "../../modules/service"
  count  = var.enable_invoice_worker ? 1 : 0

  name           = "billing-invoices-${local.env}"
  cluster_name   = local.cluster
  image          = "369258147036.dkr.ecr.us-east-1.amazonaws.com/billing:${var.image_tag}"
  container_name = "worker"
  cpu            = 256
  memory         = 512
  desired_count  = 1

  environment = {
    WORKER_QUEUE     = "invoices-${local.env}"
    SENDGRID_API_KEY = var.sendgrid_api_key
  }

  subnet_ids         = local.subnets
  security_group_ids = local.sgs
}

module "deploy_role" {
  source = "../../modules/github-deploy-role"

  role_name          = "billing-${local.env}-deploy"
  github_repository  = "brightwell/billing"
  github_environment = local.env

  ecr_repository_arns = ["arn:aws:ecr:us-east-1:369258147036:repository/billing"]
  ecs_cluster_name    = local.cluster
  ecs_service_names   = concat([module.api.service_name], module.invoice_worker[*].service_name)
  pass_role_arns = concat(
    [module.api.execution_role_arn, module.api.task_role_arn],
    flatten([for w in module.invoice_worker : [w.execution_role_arn, w.task_role_arn]]),
  )
}
