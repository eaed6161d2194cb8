terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket = "pinecrest-tf-state"
    key    = "orders/terraform.tfstate"
    region = "us-west-2"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name = "orders-production"
}

module "service" {
  source = "./modules/ecs-service"

  name          = local.name
  cluster_name  = var.cluster_name
  image         = "${var.ecr_repository_url}:${var.image_tag}"
  cpu           = 1024
  memory        = 2048
  desired_count = 2

  environment = {
    NODE_ENV = "production"
  }

  target_group_arn   = var.target_group_arn
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.service_security_group_id]
}

module "deploy_role" {
  source = "./modules/ecs-deploy-role"

  role_name         = "orders-production-github-deploy"
  github_repository = "pinecrest/orders"

  cluster_arn        = "arn:aws:ecs:${var.region}:731094582266:cluster/${var.cluster_name}"
  service_arn        = "arn:aws:ecs:${var.region}:731094582266:service/${var.cluster_name}/${local.name}"
  ecr_repository_arn = "arn:aws:ecr:${var.region}:731094582266:repository/orders"
  task_role_arns     = [module.service.execution_role_arn, module.service.task_role_arn]
}
