variable "private_subnets" {
  type = list(string)
}

variable "tilecache_sg" {
  type = string
}

variable "tilecache_tg_arn" {
  type = string
}

resource "aws_ecr_repository" "tilecache" {
  name                 = "tilecache"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_service" "tilecache" {
  name            = "tilecache"
  cluster         = "ferrule"
  task_definition = "tilecache"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.tilecache_tg_arn
    container_name   = "tilecache"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.tilecache_sg]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
