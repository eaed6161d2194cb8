terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.4"
    }
  }
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

locals {
  account_id = "604918273355"
  region     = "eu-west-1"
}

resource "aws_ecs_service" "storefront" {
  name                              = "storefront"
  cluster                           = "retail-prod"
  task_definition                   = "storefront"
  desired_count                     = 4
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "ECS"
  }

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 15

    lifecycle_hook {
      hook_target_arn  = "arn:aws:lambda:${local.region}:${local.account_id}:function:storefront-smoke-test"
      role_arn         = "arn:aws:iam::${local.account_id}:role/storefront-ecs-hooks"
      lifecycle_stages = ["POST_TEST_TRAFFIC_SHIFT"]
    }
  }

  alarms {
    alarm_names = ["storefront-5xx", "storefront-latency-p99"]
    enable      = true
    rollback    = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:${local.region}:${local.account_id}:targetgroup/storefront-blue/3e5a7c9e1b3d5f7a"
    container_name   = "storefront"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = "arn:aws:elasticloadbalancing:${local.region}:${local.account_id}:targetgroup/storefront-green/4f6b8d0f2c4e6a8b"
      production_listener_rule   = "arn:aws:elasticloadbalancing:${local.region}:${local.account_id}:listener-rule/app/retail/6a8c0e2a4c6e8a0c/1b3d5f7a9c1e3a5c/2c4e6a8c0e2a4c6e"
      test_listener_rule         = "arn:aws:elasticloadbalancing:${local.region}:${local.account_id}:listener-rule/app/retail/6a8c0e2a4c6e8a0c/7d9f1b3d5f7a9c1e/3d5f7a9c1e3a5c7e"
      role_arn                   = "arn:aws:iam::${local.account_id}:role/storefront-ecs-infrastructure"
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
