# Backfill: "4 vCPU, 32 GB" was copied from the EC2 r6i.xlarge it used to run on.
resource "aws_ecs_task_definition" "backfill" {
  family                   = "analytics-backfill"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4 vCPU"
  memory                   = "32 GB"
  execution_role_arn       = local.execution_arn
  task_role_arn            = local.task_arn

  container_definitions = jsonencode([{
    name      = "backfill"
    image     = "${local.repo_url}:${var.image_tag}"
    essential = true
    command   = ["python", "-m", "analytics.backfill"]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { awslogs-stream-prefix = "backfill" })
    }
  }])
}
