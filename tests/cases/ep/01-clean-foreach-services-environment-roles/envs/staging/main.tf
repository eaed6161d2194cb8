terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "harborline-tfstate"
    key            = "dispatch/staging.tfstate"
    region         = "us-east-2"
    dynamodb_table = "harborline-tflock"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
}

provider "aws" {
  region              = "us-east-2"
  allowed_account_ids = ["402913857710"]
}

locals {
  env          = "staging"
  cluster_name = "harborline-staging"
  ecr_url      = "402913857710.dkr.ecr.us-east-2.amazonaws.com"
}

data "aws_lb_target_group" "svc" {
  for_each = { for k, v in var.services : k => v if v.target_group_name != null }
  name     = each.value.target_group_name
}

module "service" {
  source   = "../../modules/service"
  for_each = var.services

  name          = "dispatch-${each.key}-${local.env}"
  cluster_name  = local.cluster_name
  image         = "${local.ecr_url}/dispatch-${each.key}:${var.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count
  deployment    = each.value.deployment

  environment = {
    APP_ENV = local.env
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:us-east-2:402913857710:secret:dispatch/${local.env}/database-url-Q8vTzb"
  }

  target_group_arn   = try(data.aws_lb_target_group.svc[each.key].arn, null)
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

module "deploy_role" {
  source = "../../modules/github-deploy-role"

  role_name          = "dispatch-${local.env}-deploy"
  github_repository  = "harborline/dispatch"
  github_environment = local.env

  ecr_repository_arns = [for k in keys(var.services) : "arn:aws:ecr:us-east-2:402913857710:repository/dispatch-${k}"]
  ecs_cluster_name    = local.cluster_name
  ecs_service_names   = [for m in module.service : m.service_name]
  pass_role_arns      = flatten([for m in module.service : [m.execution_role_arn, m.task_role_arn]])
}
