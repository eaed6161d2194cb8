resource "aws_ecr_repository" "checkout" {
  name                 = "checkout"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "checkout" {
  name              = "/ecs/checkout"
  retention_in_days = 14
}

resource "aws_secretsmanager_secret" "database_url" {
  name = "checkout/database-url"
}

resource "aws_iam_role" "execution" {
  name = "checkout-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = templatefile("${path.module}/templates/checkout.json.tftpl", {
    image             = "${aws_ecr_repository.checkout.repository_url}:${var.image_tag}"
    region            = var.region
    log_group         = aws_cloudwatch_log_group.checkout.name
    database_url_arn  = aws_secretsmanager_secret.database_url.arn
    stripe_secret_key = var.stripe_secret_key
  })
}

resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  cluster         = "shop"
  task_definition = aws_ecs_task_definition.checkout.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.blue_target_group_arn
    container_name   = "checkout"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [var.security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
