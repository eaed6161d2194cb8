variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a2c4e6b8d0f1a3c5", "subnet-0c4e6a8b0d2f3c5e7"]
}

variable "orders_target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:ap-southeast-2:318406529637:targetgroup/orders/3b5d7f9a1c2e4b6d"
}

resource "aws_ecr_repository" "orders" {
  name                 = "orders"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/ecs/orders"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = templatefile("${path.module}/templates/orders.json.tftpl", {
    image      = "${aws_ecr_repository.orders.repository_url}:bootstrap"
    region     = local.region
    log_group  = aws_cloudwatch_log_group.orders.name
    db_secret  = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:orders/prod/db-Hp4s8K"
  })
}

resource "aws_ecs_service" "orders" {
  name            = "orders"
  cluster         = local.cluster
  task_definition = aws_ecs_task_definition.orders.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.orders_target_group_arn
    container_name   = "orders"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = ["sg-0b1d3f5a7c9e2b4d6"]
    assign_public_ip = false
  }

  lifecycle {
    # CI registers new revisions
    ignore_changes = [task_definition]
  }
}
