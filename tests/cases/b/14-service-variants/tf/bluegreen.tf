variable "subnets" {
  type = list(string)
}

variable "blue_target_group_arn" {
  type = string
}

resource "aws_ecs_service" "storefront" {
  name            = "osprey-storefront"
  cluster         = "osprey-prod"
  task_definition = "osprey-storefront"
  desired_count   = 3
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.blue_target_group_arn
    container_name   = "storefront"
    container_port   = 8080
  }

  network_configuration {
    subnets = var.subnets
  }
}

resource "aws_codedeploy_app" "osprey" {
  name             = "osprey"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "half_then_rest" {
  deployment_config_name = "osprey-canary-50-percent-10-minutes"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"
    time_based_canary {
      interval   = 10
      percentage = 50
    }
  }
}

resource "aws_codedeploy_deployment_group" "storefront" {
  app_name               = aws_codedeploy_app.osprey.name
  deployment_group_name  = "osprey-storefront"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent15Minutes"
  service_role_arn       = "arn:aws:iam::772613940021:role/osprey-codedeploy"

  ecs_service {
    cluster_name = "osprey-prod"
    service_name = aws_ecs_service.storefront.name
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
}

resource "aws_codedeploy_deployment_group" "checkout" {
  app_name               = aws_codedeploy_app.osprey.name
  deployment_group_name  = "osprey-checkout"
  deployment_config_name = "CodeDeployDefault.ECSLinear20PercentEvery5Minutes"
  service_role_arn       = "arn:aws:iam::772613940021:role/osprey-codedeploy"

  ecs_service {
    cluster_name = "osprey-prod"
    service_name = "osprey-checkout"
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
}

resource "aws_codedeploy_deployment_group" "search" {
  app_name               = aws_codedeploy_app.osprey.name
  deployment_group_name  = "osprey-search"
  deployment_config_name = aws_codedeploy_deployment_config.half_then_rest.id
  service_role_arn       = "arn:aws:iam::772613940021:role/osprey-codedeploy"

  ecs_service {
    cluster_name = "osprey-prod"
    service_name = "osprey-search"
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
}
