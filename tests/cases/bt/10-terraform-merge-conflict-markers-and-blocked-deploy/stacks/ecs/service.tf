resource "aws_ecs_cluster" "payments" {
  name = "payments"
}

resource "aws_ecs_task_definition" "settlement" {
  family                   = "settlement-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::830164297351:role/settlement-worker-execution"

  container_definitions = jsonencode([
    {
      name      = "settlement"
      image     = "830164297351.dkr.ecr.us-east-1.amazonaws.com/settlement-worker@sha256:8d2f4b6a0c1e3f5a7b9d1c3e5f7a9b0d2c4e6f8a1b3d5c7e9f0a2b4c6d8e0f1a"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/settlement-worker"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "settlement"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "settlement" {
  name            = "settlement-worker"
  cluster         = aws_ecs_cluster.payments.id
  task_definition = aws_ecs_task_definition.settlement.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  # "never run fewer than 3 workers" -- and never more than 3 either
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = [var.security_group_id]
  }
}
