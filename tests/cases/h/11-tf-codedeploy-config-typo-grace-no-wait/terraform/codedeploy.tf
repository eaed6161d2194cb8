resource "aws_codedeploy_app" "crew_roster" {
  compute_platform = "ECS"
  name             = "crew-roster"
}

resource "aws_codedeploy_deployment_config" "canary" {
  deployment_config_name = "crew-roster-canary25-5min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 5
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "api" {
  app_name               = aws_codedeploy_app.crew_roster.name
  deployment_group_name  = "crew-roster-api"
  deployment_config_name = aws_codedeploy_deployment_config.canary.deployment_config_name
  service_role_arn       = "arn:aws:iam::931820475612:role/codedeploy-ecs"

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
    cluster_name = "gannet-prod"
    service_name = aws_ecs_service.api.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:us-east-1:931820475612:listener/app/crew-roster/0a1b2c3d4e5f6a7b/8c9d0e1f2a3b4c5d"]
      }
      target_group {
        name = "crew-roster-blue"
      }
      target_group {
        name = "crew-roster-green"
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "worker" {
  app_name               = aws_codedeploy_app.crew_roster.name
  deployment_group_name  = "crew-roster-worker"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent10Minutes"
  service_role_arn       = "arn:aws:iam::931820475612:role/codedeploy-ecs"

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
    cluster_name = "gannet-prod"
    service_name = aws_ecs_service.worker.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:us-east-1:931820475612:listener/app/crew-worker/1a2b3c4d5e6f7a8b/9c0d1e2f3a4b5c6d"]
      }
      target_group {
        name = "crew-worker-blue"
      }
      target_group {
        name = "crew-worker-green"
      }
    }
  }
}
