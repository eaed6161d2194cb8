terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "fernpoint-tfstate"
    key            = "reports/production.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "fernpoint-tflock"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
}

provider "aws" {
  region              = "eu-central-1"
  allowed_account_ids = ["557301846692"]
}

locals {
  env          = "production"
  cluster_name = "fernpoint-production"
  ecr_url      = "557301846692.dkr.ecr.eu-central-1.amazonaws.com"
}

data "aws_lb_target_group" "svc" {
  for_each = { for k, v in var.services : k => v if v.target_group_name != null }
  name     = each.value.target_group_name
}

module "service" {
  source   = "../../modules/service"
  for_each = var.services

  name          = "reports-${each.key}-${local.env}"
  cluster_name  = local.cluster_name
  image         = "${local.ecr_url}/reports-${each.key}:${var.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count
  deployment    = each.value.deployment

  environment = {
    APP_ENV = local.env
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-central-1:557301846692:secret:reports/${local.env}/database-url-Q8vTzb"
  }

  target_group_arn   = try(data.aws_lb_target_group.svc[each.key].arn, null)
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

module "deploy_role" {
  source = "../../modules/github-deploy-role"

  role_name          = "reports-${local.env}-deploy"
  github_repository  = "fernpoint/reports"
  github_environment = local.env

  ecr_repository_arns = [for k in keys(var.services) : "arn:aws:ecr:eu-central-1:557301846692:repository/reports-${k}"]
  ecs_cluster_name    = local.cluster_name
  ecs_service_names   = [for m in module.service : m.service_name]
  pass_role_arns      = flatten([for m in module.service : [m.execution_role_arn, m.task_role_arn]])
}
