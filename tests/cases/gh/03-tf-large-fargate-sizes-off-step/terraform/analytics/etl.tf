# Nightly ETL. Memory raised from 16 GB to 18 GB after the OOM on 2024-10-02.
resource "aws_ecs_task_definition" "etl" {
  family                   = "analytics-etl"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 8 * 1024
  memory                   = 18 * 1024
  execution_role_arn       = local.execution_arn
  task_role_arn            = local.task_arn

  container_definitions = jsonencode([{
    name      = "etl"
    image     = "${local.repo_url}:${var.image_tag}"
    essential = true
    command   = ["python", "-m", "analytics.etl", "--window", "1d"]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { awslogs-stream-prefix = "etl" })
    }
  }])
}
