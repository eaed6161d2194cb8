resource "aws_ecs_task_definition" "iis_legacy" {
  family                   = "intranet-iis"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.intranet_task.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "iis"
      image     = "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019"
      essential = true
      portMappings = [
        { containerPort = 80, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/intranet-iis"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "iis"
        }
      }
    }
  ])
}
