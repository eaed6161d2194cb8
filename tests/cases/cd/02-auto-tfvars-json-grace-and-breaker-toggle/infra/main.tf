resource "aws_ecs_cluster" "shop" {
  name = "shop"
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::318274650912:role/checkout-execution"
  task_role_arn            = "arn:aws:iam::318274650912:role/checkout-task"

  container_definitions = jsonencode([
    {
      name         = "checkout"
      image        = "318274650912.dkr.ecr.eu-west-2.amazonaws.com/checkout:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 3000 }]
      environment = [
        { name = "NODE_ENV", value = "production" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/checkout"
          awslogs-region        = "eu-west-2"
          awslogs-stream-prefix = "checkout"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.checkout.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.health_check_grace_period

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "checkout"
    container_port   = 3000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }
}
