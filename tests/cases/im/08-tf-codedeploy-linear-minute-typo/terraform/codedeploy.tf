variable "codedeploy_role_arn" {
  type = string
}

resource "aws_codedeploy_app" "ledger" {
  name             = "ledger"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "ledger_linear_20" {
  deployment_config_name = "ledger-linear-20-every-2min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedLinear"

    time_based_linear {
      interval   = 2
      percentage = 20
    }
  }
}

resource "aws_codedeploy_deployment_group" "ledger_api" {
  app_name               = aws_codedeploy_app.ledger.name
  deployment_group_name  = "ledger-api"
  deployment_config_name = aws_codedeploy_deployment_config.ledger_linear_20.id
  service_role_arn       = var.codedeploy_role_arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
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
    cluster_name = "quay-prod"
    service_name = aws_ecs_service.ledger_api.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      target_group {
        name = aws_lb_target_group.ledger_api["blue"].name
      }

      target_group {
        name = aws_lb_target_group.ledger_api["green"].name
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "ledger_admin" {
  app_name               = aws_codedeploy_app.ledger.name
  deployment_group_name  = "ledger-admin"
  deployment_config_name = "CodeDeployDefault.ECSLinear10PercentEvery1Minute"
  service_role_arn       = var.codedeploy_role_arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
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

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "quay-prod"
    service_name = aws_ecs_service.ledger_admin.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      target_group {
        name = aws_lb_target_group.ledger_admin["blue"].name
      }

      target_group {
        name = aws_lb_target_group.ledger_admin["green"].name
      }
    }
  }
}

# Statement PDF renderer on EC2 hosts (in-place, not ECS).
resource "aws_codedeploy_app" "statements_renderer" {
  name             = "statements-renderer"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_group" "statements_renderer" {
  app_name               = aws_codedeploy_app.statements_renderer.name
  deployment_group_name  = "statements-renderer-prod"
  deployment_config_name = "CodeDeployDefault.HalfAtATime"
  service_role_arn       = var.codedeploy_role_arn

  ec2_tag_set {
    ec2_tag_filter {
      key   = "app"
      type  = "KEY_AND_VALUE"
      value = "statements-renderer"
    }
  }
}
