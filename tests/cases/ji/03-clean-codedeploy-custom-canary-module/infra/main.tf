terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

locals {
  account_id             = "267145930882"
  cluster_name           = "intake"
  deployment_config_name = "intake-api-Canary25Percent10Minutes"
}

resource "aws_ecr_repository" "intake_api" {
  name                 = "intake-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "intake" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_codedeploy_app" "intake" {
  name             = "intake"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "canary_25_10" {
  deployment_config_name = local.deployment_config_name
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 10
      percentage = 25
    }
  }
}

module "api" {
  source = "../modules/ecs-service"

  name           = "intake-api"
  cluster_name   = aws_ecs_cluster.intake.name
  cpu            = 1024
  memory         = 3072
  image          = "${aws_ecr_repository.intake_api.repository_url}:${var.image_tag}"
  desired_count  = 3
  container_port = 8443

  environment = {
    FHIR_BASE_URL = "https://fhir.pinecrest-health.example/r4"
    LOG_FORMAT    = "json"
  }
  secrets = {
    DATABASE_PASSWORD = "arn:aws:secretsmanager:us-west-2:${local.account_id}:secret:intake/api/db-password-k2PqXz"
  }

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/intake-api-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/intake-api-task"
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.service_security_group_id]

  deployment_controller       = "CODE_DEPLOY"
  codedeploy_app_name         = aws_codedeploy_app.intake.name
  codedeploy_service_role_arn = "arn:aws:iam::${local.account_id}:role/intake-codedeploy"
  deployment_config_name      = local.deployment_config_name

  blue_green = {
    blue_target_group_arn   = var.alb.blue_tg_arn
    blue_target_group_name  = var.alb.blue_tg_name
    green_target_group_name = var.alb.green_tg_name
    prod_listener_arn       = var.alb.prod_listener_arn
    test_listener_arn       = var.alb.test_listener_arn
  }
}

module "outbox_relay" {
  source = "../modules/ecs-service"

  name          = "intake-outbox-relay"
  cluster_name  = aws_ecs_cluster.intake.name
  cpu           = 256
  memory        = 512
  image         = "${aws_ecr_repository.intake_api.repository_url}:${var.image_tag}"
  desired_count = 1

  environment = {
    RELAY_MODE = "outbox"
  }
  secrets = {
    DATABASE_PASSWORD = "arn:aws:secretsmanager:us-west-2:${local.account_id}:secret:intake/api/db-password-k2PqXz"
  }

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/intake-api-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/intake-relay-task"
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.service_security_group_id]
}
