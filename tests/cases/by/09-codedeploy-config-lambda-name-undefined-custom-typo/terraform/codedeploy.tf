resource "aws_codedeploy_app" "kiosk" {
  name             = "kiosk"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "api" {
  app_name               = aws_codedeploy_app.kiosk.name
  deployment_group_name  = "kiosk-api"
  service_role_arn       = "arn:aws:iam::480015923377:role/kiosk-codedeploy"
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
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
      termination_wait_time_in_minutes = 10
    }
  }

  ecs_service {
    cluster_name = "kiosk"
    service_name = "kiosk-api"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:eu-west-2:480015923377:listener/app/kiosk/4f1a2b3c4d5e6f70/1a2b3c4d5e6f7081"]
      }
      target_group {
        name = "kiosk-api-blue"
      }
      target_group {
        name = "kiosk-api-green"
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "admin" {
  app_name               = aws_codedeploy_app.kiosk.name
  deployment_group_name  = "kiosk-admin"
  service_role_arn       = "arn:aws:iam::480015923377:role/kiosk-codedeploy"
  deployment_config_name = "kiosk-linear-25pct-2min"

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
    cluster_name = "kiosk"
    service_name = "kiosk-admin"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:eu-west-2:480015923377:listener/app/kiosk/4f1a2b3c4d5e6f70/2b3c4d5e6f708192"]
      }
      target_group {
        name = "kiosk-admin-blue"
      }
      target_group {
        name = "kiosk-admin-green"
      }
    }
  }
}
