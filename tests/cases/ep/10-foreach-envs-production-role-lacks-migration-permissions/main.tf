terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket = "marlowe-io-terraform"
    key    = "tickets/terraform.tfstate"
    region = "eu-west-3"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.45"
    }
  }
}

provider "aws" {
  region = "eu-west-3"
}

locals {
  ecr_url = "507318264920.dkr.ecr.eu-west-3.amazonaws.com/tickets"
}

data "aws_lb_target_group" "tickets" {
  for_each = var.environments
  name     = "tickets-${each.key}"
}

module "service" {
  source   = "./modules/service"
  for_each = var.environments

  name          = "tickets-${each.key}"
  cluster_name  = "marlowe-${each.key}"
  image         = "${local.ecr_url}:${var.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count

  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-3:507318264920:secret:tickets/${each.key}/database-url-u7Rk2c"
  }

  target_group_arn   = data.aws_lb_target_group.tickets[each.key].arn
  subnet_ids         = each.value.subnet_ids
  security_group_ids = each.value.security_group_ids
}

module "deploy_role" {
  source   = "./modules/deploy-role"
  for_each = var.environments

  name               = "tickets-${each.key}-deploy"
  github_repository  = "marlowe-io/tickets"
  github_environment = each.key

  cluster_name       = "marlowe-${each.key}"
  service_name       = module.service[each.key].service_name
  task_family        = module.service[each.key].task_family
  ecr_repository_arn = "arn:aws:ecr:eu-west-3:507318264920:repository/tickets"
  pass_role_arns     = [module.service[each.key].execution_role_arn, module.service[each.key].task_role_arn]
  run_migrations     = each.value.run_migrations
}
