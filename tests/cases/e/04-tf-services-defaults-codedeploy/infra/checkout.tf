variable "checkout_blue_tg" {
  type = string
}

variable "checkout_listener_arn" {
  type = string
}

resource "aws_ecs_service" "checkout" {
  name                              = "alder-checkout"
  cluster                           = local.cluster
  task_definition                   = "alder-checkout"
  desired_count                     = 4
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.checkout_blue_tg
    container_name   = "checkout"
    container_port   = 3000
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_codedeploy_app" "alder" {
  name             = "alder"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "slow_canary" {
  deployment_config_name = "alder-canary-5pct-30min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 30
      percentage = 5
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout" {
  app_name               = aws_codedeploy_app.alder.name
  deployment_group_name  = "alder-checkout"
  deployment_config_name = aws_codedeploy_deployment_config.slow_canary.id
  service_role_arn       = "arn:aws:iam::590318274466:role/alder-codedeploy"

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
    cluster_name = local.cluster
    service_name = aws_ecs_service.checkout.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.checkout_listener_arn]
      }
      target_group {
        name = "alder-checkout-blue"
      }
      target_group {
        name = "alder-checkout-green"
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout_admin" {
  app_name               = aws_codedeploy_app.alder.name
  deployment_group_name  = "alder-checkout-admin"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent15Minutes"
  service_role_arn       = "arn:aws:iam::590318274466:role/alder-codedeploy"

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = local.cluster
    service_name = "alder-checkout-admin"
  }
}

resource "aws_codedeploy_deployment_group" "checkout_preview" {
  app_name               = aws_codedeploy_app.alder.name
  deployment_group_name  = "alder-checkout-preview"
  deployment_config_name = "CodeDeployDefault.ECSLinear10PercentEvery5Minutes"
  service_role_arn       = "arn:aws:iam::590318274466:role/alder-codedeploy"

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = local.cluster
    service_name = "alder-checkout-preview"
  }
}
