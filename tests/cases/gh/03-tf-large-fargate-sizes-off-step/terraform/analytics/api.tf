# Query API: smallest memory of the 8 vCPU row and the top of the 4 vCPU row for the cache.
resource "aws_ecs_task_definition" "query_api" {
  family                   = "analytics-query-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 8192
  memory                   = 16384
  execution_role_arn       = local.execution_arn
  task_role_arn            = local.task_arn

  container_definitions = jsonencode([{
    name         = "query-api"
    image        = "${local.repo_url}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = 8000 }]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { awslogs-stream-prefix = "query-api" })
    }
  }])
}

resource "aws_ecs_task_definition" "query_cache" {
  family                   = "analytics-query-cache"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = local.execution_arn

  container_definitions = jsonencode([{
    name         = "cache"
    image        = "public.ecr.aws/docker/library/redis:7.2.5-alpine"
    essential    = true
    command      = ["redis-server", "--maxmemory", "28gb"]
    portMappings = [{ containerPort = 6379 }]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { awslogs-stream-prefix = "cache" })
    }
  }])
}
