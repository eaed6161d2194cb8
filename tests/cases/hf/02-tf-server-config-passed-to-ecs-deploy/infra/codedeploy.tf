variable "prod_listener_arn" {
  type = string
}

variable "test_listener_arn" {
  type = string
}

data "aws_iam_policy_document" "codedeploy_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codedeploy.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "codedeploy" {
  name               = "orders-codedeploy"
  assume_role_policy = data.aws_iam_policy_document.codedeploy_assume.json
}

resource "aws_iam_role_policy_attachment" "codedeploy_ecs" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS"
}

resource "aws_iam_role_policy_attachment" "codedeploy_server" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole"
}

# --- orders-api: ECS blue/green -------------------------------------------

resource "aws_codedeploy_app" "orders_api" {
  name             = "orders-api"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "orders_api" {
  app_name               = aws_codedeploy_app.orders_api.name
  deployment_group_name  = "orders-api-production"
  deployment_config_name = "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"
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
      termination_wait_time_in_minutes = 10
    }
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "logistics-prod"
    service_name = "orders-api"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.prod_listener_arn]
      }

      test_traffic_route {
        listener_arns = [var.test_listener_arn]
      }

      target_group {
        name = "orders-api-blue"
      }

      target_group {
        name = "orders-api-green"
      }
    }
  }
}

# --- label printer agents: still on EC2 instances in the warehouses --------

resource "aws_codedeploy_app" "label_printer" {
  name             = "orders-label-printer"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_config" "half_fleet" {
  deployment_config_name = "orders-half-fleet"
  compute_platform       = "Server"

  minimum_healthy_hosts {
    type  = "FLEET_PERCENT"
    value = 50
  }
}

resource "aws_codedeploy_deployment_group" "label_printer" {
  app_name               = aws_codedeploy_app.label_printer.name
  deployment_group_name  = "label-printer-fleet"
  deployment_config_name = aws_codedeploy_deployment_config.half_fleet.id
  service_role_arn       = aws_iam_role.codedeploy.arn

  ec2_tag_set {
    ec2_tag_filter {
      key   = "Role"
      type  = "KEY_AND_VALUE"
      value = "label-printer"
    }
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }
}
