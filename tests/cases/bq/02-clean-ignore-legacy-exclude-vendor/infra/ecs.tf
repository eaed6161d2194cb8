resource "aws_ecs_task_definition" "dispatch" {
  family                   = "dispatch"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::730164298511:role/dispatch-execution"
  task_role_arn            = "arn:aws:iam::730164298511:role/dispatch-task"

  container_definitions = jsonencode([
    {
      name      = "dispatch"
      image     = "730164298511.dkr.ecr.eu-west-2.amazonaws.com/dispatch:2b7e9c41d0a35f68e1c4b92d7a0f3e56c8b1d4a9"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/dispatch"
          awslogs-region        = "eu-west-2"
          awslogs-stream-prefix = "dispatch"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "dispatch" {
  name                               = "dispatch"
  cluster                            = "marlow-prod"
  task_definition                    = aws_ecs_task_definition.dispatch.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-2:730164298511:targetgroup/dispatch/8f1e2d3c4b5a6978"
    container_name   = "dispatch"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
    security_groups  = ["sg-0c1d2e3f4a5b6c7d8"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
