# .NET Framework 4.8 invoicing batch. Moved from 2 to 4 vCPU for the month-end
# run; memory stayed at 6 GB because the job never used more than 5.
resource "aws_ecs_task_definition" "invoicing" {
  family                   = "invoicing-batch"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 6144
  execution_role_arn       = aws_iam_role.task_execution.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_FULL"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name       = "invoicing"
      image      = "${local.registry}/invoicing-batch:${var.image_tag}"
      essential  = true
      entryPoint = ["powershell", "-Command"]
      command    = ["C:\\app\\Invoicing.Batch.exe --period previous-month"]
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { awslogs-stream-prefix = "invoicing" })
      }
    }
  ])
}
