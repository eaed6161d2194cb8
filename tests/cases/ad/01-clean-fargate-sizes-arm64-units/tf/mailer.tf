resource "aws_ecr_repository" "mailer" {
  name                 = "mailer"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "mailer_execution" {
  name = "mailer-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ssm_parameter" "smtp_password" {
  name  = "/mailer/smtp-password"
  type  = "SecureString"
  value = "placeholder-rotated-by-lambda"

  lifecycle {
    ignore_changes = [value]
  }
}

variable "image_tag" {
  type = string
}

resource "aws_ecs_task_definition" "mailer" {
  family                   = "mailer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 4096
  execution_role_arn       = aws_iam_role.mailer_execution.arn

  container_definitions = jsonencode([
    {
      name      = "mailer"
      image     = "${aws_ecr_repository.mailer.repository_url}:${var.image_tag}"
      essential = true
      environment = [
        { name = "SMTP_HOST", value = "email-smtp.eu-west-1.amazonaws.com" },
        { name = "SMTP_PORT", value = "587" }
      ]
      secrets = [
        { name = "SMTP_PASSWORD", valueFrom = aws_ssm_parameter.smtp_password.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/mailer"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "mailer"
        }
      }
    }
  ])
}
