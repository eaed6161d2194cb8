resource "aws_codedeploy_app" "booking" {
  name             = "booking"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "linear_20_every_2" {
  deployment_config_name = "booking-linear-20pct-every-2min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedLinear"

    time_based_linear {
      interval   = 2
      percentage = 20
    }
  }
}

resource "aws_codedeploy_deployment_group" "booking_api" {
  app_name               = aws_codedeploy_app.booking.name
  deployment_group_name  = "booking-api"
  deployment_config_name = aws_codedeploy_deployment_config.linear_20_every_2.id
  service_role_arn       = aws_iam_role.codedeploy.arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  alarm_configuration {
    enabled = true
    alarms  = ["booking-api-5xx"]
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
    cluster_name = aws_ecs_cluster.main.name
    service_name = aws_ecs_service.booking_api.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [aws_lb_listener.https.arn]
      }
      test_traffic_route {
        listener_arns = [aws_lb_listener.test.arn]
      }
      target_group {
        name = aws_lb_target_group.booking_blue.name
      }
      target_group {
        name = aws_lb_target_group.booking_green.name
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "booking_admin" {
  app_name               = aws_codedeploy_app.booking.name
  deployment_group_name  = "booking-admin"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent15Minutes"
  service_role_arn       = aws_iam_role.codedeploy.arn

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
    cluster_name = aws_ecs_cluster.main.name
    service_name = aws_ecs_service.booking_admin.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [aws_lb_listener.admin.arn]
      }
      target_group {
        name = aws_lb_target_group.admin_blue.name
      }
      target_group {
        name = aws_lb_target_group.admin_green.name
      }
    }
  }
}
