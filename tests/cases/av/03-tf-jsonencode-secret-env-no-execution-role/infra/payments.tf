variable "image_tag" {
  type = string
}

variable "region" {
  type    = string
  default = "us-east-1"
}

resource "aws_ecr_repository" "payments" {
  name                 = "payments-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "payments/stripe-api-key"
}

resource "aws_iam_role" "payments_task" {
  name = "payments-api-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "payments" {
  family                   = "payments-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = aws_iam_role.payments_task.arn

  container_definitions = jsonencode([
    {
      name      = "payments-api"
      image     = "${aws_ecr_repository.payments.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [{
        containerPort = 3000
        protocol      = "tcp"
      }]
      environment = [
        { name = "NODE_ENV", value = "production" },
        { name = "DB_HOST", value = "payments.cluster-cq1w2e3r4t5y.us-east-1.rds.amazonaws.com" },
        { name = "DB_PASSWORD", value = "Vq7!pLm2#payments" },
      ]
      secrets = [
        { name = "STRIPE_API_KEY", valueFrom = aws_secretsmanager_secret.stripe.arn },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/payments-api"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "api"
        }
      }
    },
  ])
}

resource "aws_ecs_task_definition" "payments_cron" {
  family                   = "payments-cron"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  task_role_arn            = aws_iam_role.payments_task.arn

  container_definitions = jsonencode([
    {
      name              = "reconcile"
      image             = "${aws_ecr_repository.payments.repository_url}:${var.image_tag}"
      essential         = true
      memoryReservation = 256
      command           = ["node", "dist/jobs/reconcile.js"]
      environment = [
        { name = "NODE_ENV", value = "production" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/payments-cron"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "cron"
        }
      }
    },
  ])
}
