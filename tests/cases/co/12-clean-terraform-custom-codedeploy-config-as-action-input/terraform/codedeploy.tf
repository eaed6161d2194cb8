resource "aws_codedeploy_app" "web" {
  compute_platform = "ECS"
  name             = "sakura-web"
}

resource "aws_codedeploy_deployment_config" "canary" {
  deployment_config_name = "sakura-canary-25pct-5min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 5
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "web" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "sakura-web-bg"
  deployment_config_name = aws_codedeploy_deployment_config.canary.id
  service_role_arn       = var.codedeploy_role_arn

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

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }

  ecs_service {
    cluster_name = "sakura"
    service_name = "sakura-web"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      target_group {
        name = "sakura-web-blue"
      }

      target_group {
        name = "sakura-web-green"
      }
    }
  }
}

variable "codedeploy_role_arn" {
  type = string
}

variable "prod_listener_arn" {
  type = string
}
