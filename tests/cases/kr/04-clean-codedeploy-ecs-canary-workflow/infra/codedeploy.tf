variable "vpc_id" {
  type = string
}

variable "listener_arn" {
  type = string
}

resource "aws_lb_target_group" "catalog" {
  for_each    = toset(["blue", "green"])
  name        = "catalog-${each.key}"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_codedeploy_app" "catalog" {
  name             = "catalog"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_config" "canary_20_10" {
  deployment_config_name = "catalog-canary-20pct-10min"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      interval   = 10
      percentage = 20
    }
  }
}

resource "aws_codedeploy_deployment_group" "catalog" {
  app_name               = aws_codedeploy_app.catalog.name
  deployment_group_name  = "catalog-production"
  deployment_config_name = aws_codedeploy_deployment_config.canary_20_10.id
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
    cluster_name = aws_ecs_cluster.catalog.name
    service_name = aws_ecs_service.catalog.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.listener_arn]
      }

      dynamic "target_group" {
        for_each = aws_lb_target_group.catalog
        content {
          name = target_group.value.name
        }
      }
    }
  }
}

resource "aws_iam_role" "codedeploy" {
  name = "catalog-codedeploy"
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
