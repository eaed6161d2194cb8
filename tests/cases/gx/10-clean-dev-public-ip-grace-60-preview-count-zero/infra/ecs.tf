locals {
  envs = {
    # dev lives in the default VPC's public subnets (no NAT gateway), so its
    # tasks need a public IP to pull from ECR.
    dev = {
      desired     = 1
      min_healthy = 0
      subnets     = ["subnet-0d3e5a1b7c9f20011", "subnet-0d3e5a1b7c9f20012"]
      public_ip   = true
    }
    staging = {
      desired     = 2
      min_healthy = 50
      subnets     = ["subnet-05b7c9d1e3f520021", "subnet-05b7c9d1e3f520022"]
      public_ip   = false
    }
  }
}

resource "aws_ecs_service" "guestbook" {
  for_each = local.envs

  name            = "guestbook-${each.key}"
  cluster         = "guestbook"
  task_definition = "guestbook-${each.key}"
  desired_count   = each.value.desired
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = each.value.min_healthy
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns[each.key]
    container_name   = "guestbook"
    container_port   = 3000
  }

  network_configuration {
    subnets          = each.value.subnets
    security_groups  = ["sg-0f9e8d7c6b5a49382"]
    assign_public_ip = each.value.public_ip
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

# Demo-only copy. Not created unless enable_preview_env is set.
resource "aws_ecs_service" "preview" {
  count = var.enable_preview_env ? 1 : 0

  name            = "guestbook-preview"
  cluster         = "guestbook"
  task_definition = "guestbook-dev"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  load_balancer {
    target_group_arn = var.target_group_arns["preview"]
    container_name   = "guestbook"
    container_port   = 3000
  }

  network_configuration {
    subnets          = local.envs.dev.subnets
    security_groups  = ["sg-0f9e8d7c6b5a49382"]
    assign_public_ip = true
  }
}
