resource "aws_codedeploy_app" "quotes_api" {
  compute_platform = "ECS"
  name             = "quotes-api"
}

resource "aws_codedeploy_deployment_config" "quotes_linear" {
  deployment_config_name = "quotes-linear-25-every-2"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedLinear"

    time_based_linear {
      interval   = 2
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "quotes_api" {
  app_name               = aws_codedeploy_app.quotes_api.name
  deployment_group_name  = "quotes-api-prod"
  deployment_config_name = aws_codedeploy_deployment_config.quotes_linear.id
  service_role_arn       = var.codedeploy_service_role_arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
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

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "thames-prod"
    service_name = aws_ecs_service.quotes_api.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      target_group {
        name = aws_lb_target_group.blue.name
      }

      target_group {
        name = aws_lb_target_group.green.name
      }
    }
  }
}
