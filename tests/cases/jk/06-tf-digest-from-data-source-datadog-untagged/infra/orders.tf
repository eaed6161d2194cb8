data "aws_ecr_repository" "orders" {
  name = "orders-api"
}

# Resolve whatever CI last pushed as "latest" to its digest at plan time, so the
# task definition revision records exactly which image it runs.
data "aws_ecr_image" "orders" {
  repository_name = data.aws_ecr_repository.orders.name
  image_tag       = "latest"
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/ecs/orders-api"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([
    {
      name      = "orders-api"
      image     = "${data.aws_ecr_repository.orders.repository_url}@${data.aws_ecr_image.orders.image_digest}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "DD_SERVICE", value = "orders-api" },
        { name = "DD_ENV", value = var.environment },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.orders.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name      = "datadog-agent"
      image     = "public.ecr.aws/datadog/agent"
      essential = false
      environment = [
        { name = "ECS_FARGATE", value = "true" },
        { name = "DD_APM_ENABLED", value = "true" },
        { name = "DD_SITE", value = "datadoghq.eu" },
      ]
      secrets = [
        { name = "DD_API_KEY", valueFrom = var.datadog_api_key_secret_arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.orders.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "datadog"
        }
      }
    }
  ])
}
