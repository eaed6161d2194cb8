variable "region" {
  type    = string
  default = "ap-southeast-2"
}

variable "stripe_secret_key" {
  type      = string
  sensitive = true
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "api_target_group_arn" {
  type = string
}

resource "aws_ecr_repository" "api" {
  name = "kanga-checkout-api"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/kanga-checkout-api"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "api" {
  family                   = "kanga-checkout-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "${aws_ecr_repository.api.repository_url}:latest"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "NODE_ENV", value = "production" },
        { name = "STRIPE_SECRET_KEY", value = var.stripe_secret_key },
        { name = "AWS_XRAY_DAEMON_ADDRESS", value = "127.0.0.1:2000" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "xray-daemon"
      image     = "public.ecr.aws/xray/aws-xray-daemon"
      essential = false
      cpu       = 32
      portMappings = [
        { containerPort = 2000, protocol = "udp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "xray"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "api" {
  name            = "kanga-checkout-api"
  cluster         = "kanga-prod"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }
}
