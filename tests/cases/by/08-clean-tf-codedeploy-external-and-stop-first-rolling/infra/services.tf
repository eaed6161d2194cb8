variable "private_subnets" {
  type = list(string)
}

variable "public_subnets" {
  type = list(string)
}

variable "sg_id" {
  type = string
}

variable "blue_tg_name" {
  type = string
}

variable "green_tg_name" {
  type = string
}

variable "prod_listener_arn" {
  type = string
}

variable "test_listener_arn" {
  type = string
}

variable "blue_tg_arn" {
  type = string
}

resource "aws_ecs_cluster" "orbit" {
  name = "orbit"
}

# Blue/green through CodeDeploy: no circuit breaker (CodeDeploy rolls back).
resource "aws_ecs_service" "checkout" {
  name                              = "orbit-checkout"
  cluster                           = aws_ecs_cluster.orbit.id
  task_definition                   = "orbit-checkout"
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.blue_tg_arn
    container_name   = "checkout"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnets
    security_groups = [var.sg_id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

# Task sets driven by an external controller (Spinnaker).
resource "aws_ecs_service" "pricing" {
  name                               = "orbit-pricing"
  cluster                            = aws_ecs_cluster.orbit.id
  desired_count                      = 2
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  deployment_controller {
    type = "EXTERNAL"
  }
}

# One-task cron-like consumer: stop the old task first, then start the new one.
resource "aws_ecs_service" "ledger_sync" {
  name                               = "orbit-ledger-sync"
  cluster                            = aws_ecs_cluster.orbit.id
  task_definition                    = "orbit-ledger-sync"
  desired_count                      = 1
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.public_subnets
    security_groups  = [var.sg_id]
    assign_public_ip = true
  }
}

resource "aws_codedeploy_app" "orbit" {
  name             = "orbit"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "canary_20_10" {
  deployment_config_name = "orbit-canary-20pct-10min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 10
      percentage = 20
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout" {
  app_name               = aws_codedeploy_app.orbit.name
  deployment_group_name  = "orbit-checkout"
  service_role_arn       = "arn:aws:iam::733920184456:role/orbit-codedeploy"
  deployment_config_name = aws_codedeploy_deployment_config.canary_20_10.id

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }

    terminate_blue_instances_on_deployment_success {
      action                           = "TERMINATE"
      termination_wait_time_in_minutes = 15
    }
  }

  ecs_service {
    cluster_name = aws_ecs_cluster.orbit.name
    service_name = aws_ecs_service.checkout.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      test_traffic_route {
        listener_arns = [var.test_listener_arn]
      }

      target_group {
        name = var.blue_tg_name
      }

      target_group {
        name = var.green_tg_name
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout_hotfix" {
  app_name               = aws_codedeploy_app.orbit.name
  deployment_group_name  = "orbit-checkout-hotfix"
  service_role_arn       = "arn:aws:iam::733920184456:role/orbit-codedeploy"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent15Minutes"

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }

    terminate_blue_instances_on_deployment_success {
      action                           = "TERMINATE"
      termination_wait_time_in_minutes = 5
    }
  }

  ecs_service {
    cluster_name = aws_ecs_cluster.orbit.name
    service_name = aws_ecs_service.checkout.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      target_group {
        name = var.blue_tg_name
      }

      target_group {
        name = var.green_tg_name
      }
    }
  }
}
