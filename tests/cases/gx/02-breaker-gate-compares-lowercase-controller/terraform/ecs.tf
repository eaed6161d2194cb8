locals {
  environments = {
    staging = {
      controller    = "ECS"
      desired_count = 2
    }
    production = {
      controller    = "CODE_DEPLOY"
      desired_count = 4
    }
  }
}

resource "aws_ecs_service" "web" {
  for_each = local.environments

  name            = "storefront-web-${each.key}"
  cluster         = "storefront-${each.key}"
  task_definition = "storefront-web-${each.key}"
  desired_count   = each.value.desired_count
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 90

  deployment_controller {
    type = each.value.controller
  }

  # CodeDeploy rolls production back itself; the circuit breaker is only
  # valid for the rolling (ECS) controller.
  dynamic "deployment_circuit_breaker" {
    for_each = each.value.controller == "ecs" ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  load_balancer {
    target_group_arn = var.blue_target_group_arns[each.key]
    container_name   = "web"
    container_port   = 3000
  }

  network_configuration {
    subnets          = var.vpc_private_subnets
    security_groups  = [var.web_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer, desired_count]
  }
}

resource "aws_codedeploy_app" "web" {
  compute_platform = "ECS"
  name             = "storefront-web"
}

resource "aws_codedeploy_deployment_group" "web_production" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "storefront-web-production"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  service_role_arn       = aws_iam_role.codedeploy.arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
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
      termination_wait_time_in_minutes = 5
    }
  }

  ecs_service {
    cluster_name = "storefront-production"
    service_name = aws_ecs_service.web["production"].name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }
      target_group {
        name = "storefront-web-production-blue"
      }
      target_group {
        name = "storefront-web-production-green"
      }
    }
  }
}

resource "aws_iam_role" "codedeploy" {
  name = "storefront-codedeploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codedeploy.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS"
}
