# Nightly report renderer, run as a scheduled ECS task.
# Applied by hand from a laptop: `cd infra/batch && terraform apply`

provider "aws" {
  region = "us-east-1"
}

variable "image_tag" {
  type    = string
  default = "latest"
}

variable "task_cpu" {
  type    = number
  default = 1024
}

variable "task_memory" {
  type    = number
  default = 2048
}

resource "aws_ecs_task_definition" "nightly" {
  family                   = "nightly-reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = "arn:aws:iam::613048275519:role/reports-execution"
  task_role_arn            = "arn:aws:iam::613048275519:role/nightly-reports-task"

  container_definitions = jsonencode([{
    name      = "renderer"
    image     = "613048275519.dkr.ecr.us-east-1.amazonaws.com/nightly-reports:${var.image_tag}"
    essential = true
    command   = ["python", "-m", "reports.nightly"]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/nightly-reports"
        awslogs-region        = "us-east-1"
        awslogs-stream-prefix = "renderer"
      }
    }
  }])
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-reports"
  schedule_expression = "cron(15 2 * * ? *)"
}
