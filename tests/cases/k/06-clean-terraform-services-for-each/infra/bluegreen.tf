resource "aws_ecs_service" "checkout" {
  name            = "plover-checkout"
  cluster         = var.cluster_arn
  task_definition = "plover-checkout"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.checkout_blue.arn
    container_name   = "checkout"
    container_port   = 8080
  }

  network_configuration {
    subnets = var.private_subnet_ids
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_lb_target_group" "checkout_blue" {
  name        = "plover-checkout-blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
}

resource "aws_lb_target_group" "checkout_green" {
  name        = "plover-checkout-green"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
}

resource "aws_codedeploy_app" "plover" {
  name             = "plover"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "canary_quarter" {
  deployment_config_name = "plover-ecs-canary-25pct-5min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 5
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout" {
  app_name               = aws_codedeploy_app.plover.name
  deployment_group_name  = "plover-checkout"
  service_role_arn       = "arn:aws:iam::447120938561:role/plover-codedeploy"
  deployment_config_name = "plover-ecs-canary-25pct-5min"

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
    cluster_name = "plover-prod"
    service_name = aws_ecs_service.checkout.name
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:ap-southeast-2:447120938561:listener/app/plover/50dc6c495c0c9188/f2f7dc8efc522ab2"]
      }
      target_group {
        name = aws_lb_target_group.checkout_blue.name
      }
      target_group {
        name = aws_lb_target_group.checkout_green.name
      }
    }
  }
}

resource "aws_codedeploy_deployment_group" "checkout_staging" {
  app_name               = aws_codedeploy_app.plover.name
  deployment_group_name  = "plover-checkout-staging"
  service_role_arn       = "arn:aws:iam::447120938561:role/plover-codedeploy"
  deployment_config_name = "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }
    terminate_blue_instances_on_deployment_success {
      action = "TERMINATE"
    }
  }

  ecs_service {
    cluster_name = "plover-staging"
    service_name = "plover-checkout"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = ["arn:aws:elasticloadbalancing:ap-southeast-2:447120938561:listener/app/plover-staging/60dc6c495c0c9188/a2f7dc8efc522ab2"]
      }
      target_group {
        name = "plover-checkout-staging-blue"
      }
      target_group {
        name = "plover-checkout-staging-green"
      }
    }
  }
}
