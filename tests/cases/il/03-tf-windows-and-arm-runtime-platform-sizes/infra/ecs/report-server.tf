resource "aws_ecs_task_definition" "report_server" {
  family                   = "ssrs-report-server"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "8192"
  memory                   = "32768"
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.report_task.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_FULL"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = "${aws_ecr_repository.reports.repository_url}:${var.reports_image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      secrets = [
        { name = "ReportDb__Password", valueFrom = aws_secretsmanager_secret.report_db.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/ssrs-report-server"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "reports"
        }
      }
    }
  ])
}
