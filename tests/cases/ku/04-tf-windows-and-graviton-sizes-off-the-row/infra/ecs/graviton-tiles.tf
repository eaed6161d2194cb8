# Map tile pre-render on Graviton: 8 vCPU with 56 GB (16 GB + 10 x 4 GB).
resource "aws_ecs_task_definition" "tiles" {
  family                   = "tiles-prerender"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "8192"
  memory                   = "57344"
  execution_role_arn       = aws_iam_role.task_execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "tiles"
      image     = "${local.registry}/tiles:${var.image_tag}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { awslogs-stream-prefix = "tiles" })
      }
    }
  ])
}
