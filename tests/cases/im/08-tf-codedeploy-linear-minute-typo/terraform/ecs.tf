variable "private_subnet_ids" {
  type = list(string)
}

variable "api_security_group_id" {
  type = string
}

resource "aws_ecs_service" "ledger_api" {
  name            = "ledger-api"
  cluster         = "quay-prod"
  task_definition = "ledger-api"
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.ledger_api["blue"].arn
    container_name   = "ledger-api"
    container_port   = 9000
  }

  health_check_grace_period_seconds = 150

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.api_security_group_id]
  }

  lifecycle {
    # CodeDeploy swaps these on every release.
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_ecs_service" "ledger_admin" {
  name            = "ledger-admin"
  cluster         = "quay-prod"
  task_definition = "ledger-admin"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.ledger_admin["blue"].arn
    container_name   = "ledger-admin"
    container_port   = 9100
  }

  health_check_grace_period_seconds = 90

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.api_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
