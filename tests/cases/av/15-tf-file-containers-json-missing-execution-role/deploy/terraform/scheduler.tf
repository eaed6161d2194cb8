variable "cluster_name" {
  type    = string
  default = "grid-ec2"
}

resource "aws_ecs_task_definition" "scheduler" {
  family                   = "scheduler"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  task_role_arn            = "arn:aws:iam::864201975310:role/scheduler-task"
  container_definitions    = file("${path.module}/containers.json")
}

resource "aws_ecs_service" "scheduler" {
  name            = "scheduler"
  cluster         = var.cluster_name
  task_definition = aws_ecs_task_definition.scheduler.arn
  launch_type     = "EC2"
  desired_count   = 1

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }
}

resource "aws_ecs_service" "worker" {
  name            = "scheduler-worker"
  cluster         = var.cluster_name
  task_definition = "scheduler-worker"
  launch_type     = "EC2"
  desired_count   = 4

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }
}
