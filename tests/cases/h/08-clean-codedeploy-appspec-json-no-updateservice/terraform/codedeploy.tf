resource "aws_codedeploy_app" "statements" {
  compute_platform = "ECS"
  name             = "statements"
}

resource "aws_codedeploy_deployment_group" "statements" {
  app_name               = aws_codedeploy_app.statements.name
  deployment_group_name  = "statements-bg"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent15Minutes"
  service_role_arn       = "arn:aws:iam::746019283511:role/codedeploy-ecs"

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
    cluster_name = "shearwater-prod"
    service_name = "statements"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:eu-north-1:746019283511:listener/app/statements/50dc6c495c0c9188/f2f7dc8efc522ab2"]
      }

      target_group {
        name = "statements-blue"
      }

      target_group {
        name = "statements-green"
      }
    }
  }
}
