resource "aws_codedeploy_app" "billing" {
  name             = "billing"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "billing" {
  app_name               = aws_codedeploy_app.billing.name
  deployment_group_name  = "billing-blue-green"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  service_role_arn       = "arn:aws:iam::284715093366:role/billing-codedeploy"

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
    cluster_name = "core"
    service_name = aws_ecs_service.billing.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:us-west-2:284715093366:listener/app/core/7c1e9f3a2b4d6e80/1a2b3c4d5e6f7081"]
      }

      target_group {
        name = "billing-blue"
      }

      target_group {
        name = "billing-green"
      }
    }
  }
}
