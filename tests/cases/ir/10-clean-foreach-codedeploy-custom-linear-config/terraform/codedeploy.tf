locals {
  account_id = "520937146288"
  region     = "eu-west-1"
  cluster    = "fernhill-prod"

  services = {
    matchmaker-api = {
      port              = 8080
      desired_count     = 4
      listener_arn      = "arn:aws:elasticloadbalancing:eu-west-1:520937146288:listener/app/fernhill-prod/5d7f9b1a3c5e2f68/0a2c4e6f8b1d3e57"
      deployment_config = aws_codedeploy_deployment_config.linear_20_every_2m.deployment_config_name
    }
    lobby = {
      port              = 7000
      desired_count     = 2
      listener_arn      = "arn:aws:elasticloadbalancing:eu-west-1:520937146288:listener/app/fernhill-prod/5d7f9b1a3c5e2f68/6e8a1c3b5d7f9e24"
      deployment_config = "CodeDeployDefault.ECSCanary10Percent5Minutes"
    }
  }
}

resource "aws_codedeploy_app" "matchmaker" {
  name             = "matchmaker"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "linear_20_every_2m" {
  deployment_config_name = "Fernhill.ECSLinear20PercentEvery2Minutes"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedLinear"

    time_based_linear {
      interval   = 2
      percentage = 20
    }
  }
}

resource "aws_lb_target_group" "blue" {
  for_each = local.services

  name        = "${each.key}-blue"
  port        = each.value.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0e4a6c8f1b3d5a792"

  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_target_group" "green" {
  for_each = local.services

  name        = "${each.key}-green"
  port        = each.value.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0e4a6c8f1b3d5a792"

  health_check {
    path = "/healthz"
  }
}

resource "aws_ecs_service" "svc" {
  for_each = local.services

  name                              = each.key
  cluster                           = local.cluster
  task_definition                   = each.key
  desired_count                     = each.value.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue[each.key].arn
    container_name   = each.key
    container_port   = each.value.port
  }

  network_configuration {
    subnets          = ["subnet-0c2e4a6f8b1d3e579", "subnet-0f8b1d3e5a7c9b246"]
    security_groups  = ["sg-0d1f3a5c7e9b2d468"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer, desired_count]
  }
}

resource "aws_codedeploy_deployment_group" "svc" {
  for_each = local.services

  app_name               = aws_codedeploy_app.matchmaker.name
  deployment_group_name  = "${each.key}-bg"
  deployment_config_name = each.value.deployment_config
  service_role_arn       = "arn:aws:iam::${local.account_id}:role/matchmaker-codedeploy"

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

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  ecs_service {
    cluster_name = local.cluster
    service_name = aws_ecs_service.svc[each.key].name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [each.value.listener_arn]
      }

      target_group {
        name = aws_lb_target_group.blue[each.key].name
      }

      target_group {
        name = aws_lb_target_group.green[each.key].name
      }
    }
  }
}
