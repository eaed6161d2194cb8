resource "aws_ecr_repository" "web" {
  name = "fernhill-web"
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/fernhill-web"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "web" {
  family                   = "fernhill-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  task_role_arn            = aws_iam_role.web_task.arn

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "${aws_ecr_repository.web.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "PORT", value = "8080" },
        { name = "STRIPE_API_KEY", value = "sk_live_51H8xQ2eZvKYlo2C0aBcDeFgHiJkLmNoPq" },
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:${var.region}:264810375921:parameter/fernhill/database-url" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "web"
        }
      }
    }
  ])
}

resource "aws_iam_role" "web_task" {
  name = "fernhill-web-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
