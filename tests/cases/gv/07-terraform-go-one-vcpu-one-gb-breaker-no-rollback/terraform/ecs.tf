resource "aws_ecr_repository" "gateway" {
  name                 = local.name
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "${local.name}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name = "${local.name}-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudwatch_log_group" "gateway" {
  name              = "/ecs/${local.name}"
  retention_in_days = 90
}

resource "aws_ecs_task_definition" "gateway" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([{
    name         = "gateway"
    image        = "${aws_ecr_repository.gateway.repository_url}:v0.9.4"
    essential    = true
    portMappings = [{ containerPort = 8443, protocol = "tcp" }]
    environment = [
      { name = "LISTEN_ADDR", value = ":8443" },
      { name = "ACQUIRER_TIMEOUT_MS", value = "2500" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.gateway.name
        "awslogs-region"        = local.region
        "awslogs-stream-prefix" = "gateway"
      }
    }
  }])
}

resource "aws_ecs_service" "gateway" {
  name                              = local.name
  cluster                           = local.cluster
  task_definition                   = aws_ecs_task_definition.gateway.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 75

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:339201847560:targetgroup/payments-gateway/7c6b5a4f3e2d1c0b"
    container_name   = "gateway"
    container_port   = 8443
  }

  network_configuration {
    subnets          = ["subnet-0d9e8f7a6b5c4d3e2", "subnet-0e8f7a6b5c4d3e2f1"]
    security_groups  = ["sg-0a9b8c7d6e5f4a3b2"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
