variable "private_subnets" {
  type = list(string)
}

variable "worker_sg" {
  type = string
}

resource "aws_ecs_task_definition" "payouts_worker" {
  family                   = "payouts-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::318245006721:role/payouts-execution"
  task_role_arn            = "arn:aws:iam::318245006721:role/payouts-worker-task"
  container_definitions    = file("${path.module}/containers/payouts-worker.json")
}

resource "aws_ecs_service" "payouts_worker" {
  name            = "payouts-worker"
  cluster         = "payouts"
  task_definition = aws_ecs_task_definition.payouts_worker.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.worker_sg]
    assign_public_ip = false
  }
}
