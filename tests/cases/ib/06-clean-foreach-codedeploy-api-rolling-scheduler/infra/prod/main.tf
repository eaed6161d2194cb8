terraform {
  backend "s3" {
    bucket = "harbourline-terraform"
    key    = "fares/prod.tfstate"
    region = "ap-southeast-2"
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

variable "image_tag" {
  description = "Release tag of the fares image (CalVer)."
  type        = string
}

resource "aws_ecs_cluster" "fares" {
  name = "fares-prod"
}

locals {
  repository_url = "736250918344.dkr.ecr.ap-southeast-2.amazonaws.com/fares"

  services = {
    api = {
      deployment_controller = "CODE_DEPLOY"
      codedeploy_config     = "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"
      desired_count         = 3
      cpu                   = 1024
      memory                = 2048
      command               = ["./fares", "serve", "--port", "8080"]
      blue_target_group     = "fares-api-blue"
      green_target_group    = "fares-api-green"
    }
    scheduler = {
      deployment_controller = "ECS"
      codedeploy_config     = null
      desired_count         = 1
      cpu                   = 256
      memory                = 512
      command               = ["./fares", "scheduler"]
      blue_target_group     = null
      green_target_group    = null
    }
  }
}

module "service" {
  source   = "../modules/ecs-service"
  for_each = local.services

  name                  = "fares-${each.key}"
  cluster_name          = aws_ecs_cluster.fares.name
  image                 = "${local.repository_url}:${var.image_tag}"
  command               = each.value.command
  cpu                   = each.value.cpu
  memory                = each.value.memory
  desired_count         = each.value.desired_count
  deployment_controller = each.value.deployment_controller
  codedeploy_config     = each.value.codedeploy_config
  blue_target_group     = each.value.blue_target_group
  green_target_group    = each.value.green_target_group
  prod_listener_arn     = "arn:aws:elasticloadbalancing:ap-southeast-2:736250918344:listener/app/fares-prod/5c2b1a0f9e8d7c6b/1a2b3c4d5e6f7a8b"

  subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  security_group_ids = ["sg-0aaa1111bbbb2222c"]
}
