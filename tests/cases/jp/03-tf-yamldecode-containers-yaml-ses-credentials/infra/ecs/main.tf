data "aws_iam_role" "execution" {
  name = "tally-api-execution"
}

data "aws_iam_role" "task" {
  name = "tally-api-task"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/tally-api"
  retention_in_days = 90
}

resource "aws_ecs_task_definition" "api" {
  family                   = "tally-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = data.aws_iam_role.execution.arn
  task_role_arn            = data.aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode(yamldecode(file("${path.module}/containers.yaml")))
}
