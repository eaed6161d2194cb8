resource "aws_codedeploy_app" "cards" {
  name             = "cards"
  compute_platform = "ECS"
}

# Used by the release workflow (codedeploy-deployment-config); the group's own
# default stays all-at-once for hotfixes started from the console.
resource "aws_codedeploy_deployment_config" "cards_canary" {
  deployment_config_name = "cards-canary-25-percent-5-minutes"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 5
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "cards_api" {
  app_name               = aws_codedeploy_app.cards.name
  deployment_group_name  = "cards-api-prod"
  deployment_config_name = "CodeDeployDefault.ECSAllAtOnce"
  service_role_arn       = "arn:aws:iam::590362814477:role/cards-codedeploy"

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  alarm_configuration {
    enabled = true
    alarms  = ["cards-api-5xx"]
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
    cluster_name = "cards"
    service_name = "cards-api"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:eu-central-1:590362814477:listener/app/cards/1f2e3d4c5b6a7980/0a9b8c7d6e5f4031"]
      }
      target_group {
        name = "cards-api-blue"
      }
      target_group {
        name = "cards-api-green"
      }
    }
  }
}
