data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  count              = var.create_execution_role ? 1 : 0
  name               = "orders-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  count      = var.create_execution_role ? 1 : 0
  role       = aws_iam_role.execution[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name               = "orders-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = var.create_execution_role ? aws_iam_role.execution[0].arn : null

  container_definitions = jsonencode([
    {
      name         = "orders"
      image        = "226180459317.dkr.ecr.ap-northeast-1.amazonaws.com/orders:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8000 }]
      environment = [
        { name = "DATABASE_URL", value = "postgres://orders:${var.db_password}@orders-db.internal:5432/orders" },
        { name = "STRIPE_API_KEY", value = var.stripe_api_key },
        { name = "SENTRY_DSN", value = "https://3f1c9e7a2b4d4e5f8a6b0c1d2e3f4a5b@o412233.ingest.sentry.io/5502817" },
      ]
      secrets = [
        { name = "DJANGO_SECRET_KEY", valueFrom = "arn:aws:secretsmanager:ap-northeast-1:226180459317:secret:orders/django-key-Hk29Lw" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/orders"
          awslogs-region        = "ap-northeast-1"
          awslogs-stream-prefix = "orders"
        }
      }
    }
  ])
}
