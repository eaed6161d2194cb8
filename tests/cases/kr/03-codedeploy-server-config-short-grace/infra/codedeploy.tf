variable "vpc_id" {
  type = string
}

variable "https_listener_arn" {
  type = string
}

variable "test_listener_arn" {
  type = string
}

resource "aws_lb_target_group" "blue" {
  name        = "checkout-blue"
  port        = 8443
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_target_group" "green" {
  name        = "checkout-green"
  port        = 8443
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_codedeploy_app" "checkout" {
  name             = "checkout"
  compute_platform = "ECS"
}

# Keep three quarters of the fleet healthy while shifting.
resource "aws_codedeploy_deployment_config" "checkout" {
  deployment_config_name = "checkout-keep-75-percent"

  minimum_healthy_hosts {
    type  = "FLEET_PERCENT"
    value = 75
  }
}

resource "aws_codedeploy_deployment_group" "checkout" {
  app_name               = aws_codedeploy_app.checkout.name
  deployment_group_name  = "checkout-production"
  deployment_config_name = aws_codedeploy_deployment_config.checkout.deployment_config_name
  service_role_arn       = "arn:aws:iam::553312094477:role/codedeploy-ecs"

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
      termination_wait_time_in_minutes = 10
    }
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "storefront"
    service_name = aws_ecs_service.checkout.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.https_listener_arn]
      }

      test_traffic_route {
        listener_arns = [var.test_listener_arn]
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
