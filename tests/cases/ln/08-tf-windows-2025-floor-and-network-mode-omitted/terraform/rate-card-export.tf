# .NET Framework 4.8 exporter moved to the Windows Server 2025 base image.
resource "aws_ecs_task_definition" "rate_card_export" {
  family                   = "freight-rate-card-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = data.aws_iam_role.ecs_execution.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2025_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "rate-card-export"
      image     = "583920174655.dkr.ecr.us-east-1.amazonaws.com/rate-card-export:4.8.2-ltsc2025"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/freight-rate-card-export"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "export"
        }
      }
    }
  ])
}
