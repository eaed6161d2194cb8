variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "web_target_group_arn" {
  type = string
}

locals {
  cluster_name = "marlin-prod"
}

# Storefront web tier: one on-demand task always, the rest mostly on Spot.
resource "aws_ecs_service" "web" {
  name            = "storefront-web"
  cluster         = local.cluster_name
  task_definition = "storefront-web"
  desired_count   = 4

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }

  # 4 tasks: keep ceil(3) = 3 healthy, run at most floor(6) = 6 during a deploy.
  deployment_minimum_healthy_percent = 75
  deployment_maximum_percent         = 150

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.web_target_group_arn
    container_name   = "storefront-web"
    container_port   = 3000
  }

  health_check_grace_period_seconds = 90

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# Metrics agent on every EC2 container instance of the batch cluster.
resource "aws_ecs_service" "node_exporter" {
  name                = "node-exporter"
  cluster             = "marlin-batch"
  task_definition     = "node-exporter"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  # Copied from the module defaults; for DAEMON the provider sends neither value
  # (the maximum is never sent, the minimum only when it is not 100), so ECS keeps
  # its daemon defaults: maximum 100, minimum 0.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
