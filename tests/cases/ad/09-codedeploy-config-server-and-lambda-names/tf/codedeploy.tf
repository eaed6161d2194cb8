resource "aws_codedeploy_app" "payments" {
  compute_platform = "ECS"
  name             = "payments"
}

resource "aws_codedeploy_deployment_config" "payments_linear" {
  deployment_config_name = "payments-linear-20-every-2"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedLinear"

    time_based_linear {
      interval   = 2
      percentage = 20
    }
  }
}

resource "aws_codedeploy_deployment_group" "payments_api" {
  app_name               = aws_codedeploy_app.payments.name
  deployment_group_name  = "payments-api"
  deployment_config_name = aws_codedeploy_deployment_config.payments_linear.id
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
      termination_wait_time_in_minutes = 10
    }
  }

  ecs_service {
    cluster_name = "payments"
    service_name = "payments-api"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }
      target_group {
        name = "payments-api-blue"
      }
      target_group {
        name = "payments-api-green"
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "payments_webhooks" {
  app_name               = aws_codedeploy_app.payments.name
  deployment_group_name  = "payments-webhooks"
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
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

  ecs_service {
    cluster_name = "payments"
    service_name = "payments-webhooks"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }
      target_group {
        name = "payments-webhooks-blue"
      }
      target_group {
        name = "payments-webhooks-green"
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
