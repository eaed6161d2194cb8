# Batch inference on the biggest Fargate size.
resource "aws_ecs_task_definition" "inference" {
  family                   = "analytics-inference"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "16384"
  memory                   = "36864"
  execution_role_arn       = local.execution_arn
  task_role_arn            = local.task_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name      = "inference"
    image     = "${local.repo_url}:${var.image_tag}"
    essential = true
    command   = ["python", "-m", "analytics.infer"]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { awslogs-stream-prefix = "inference" })
    }
  }])
}
