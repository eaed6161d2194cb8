resource "aws_ecs_task_definition" "gateway" {
  family                   = "api-gateway"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::778899001122:role/api-gateway-execution"

  container_definitions = jsonencode([
    {
      name      = "gateway"
      image     = var.image
      essential = true
      portMappings = [
        for tg in values(var.target_groups) : { containerPort = tg.port, protocol = "tcp" }
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "wget -qO- http://localhost:8080/ready || exit 1"]
        interval    = 15
        retries     = 3
        startPeriod = 45
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/api-gateway"
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "gateway"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "gateway" {
  name            = "api-gateway"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.gateway.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  # Never run below full capacity; allow a little surge during deploys.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = var.target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = "gateway"
      container_port   = load_balancer.value.port
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
