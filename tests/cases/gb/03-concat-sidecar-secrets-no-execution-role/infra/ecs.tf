variable "enable_datadog" {
  type    = bool
  default = true
}

variable "datadog_api_key_arn" {
  type    = string
  default = "arn:aws:ssm:us-west-2:334455667788:parameter/shared/datadog/api-key"
}

locals {
  app = {
    name      = "worker"
    image     = "334455667788.dkr.ecr.us-west-2.amazonaws.com/ingest-worker:v2.14.0"
    essential = true
    command   = ["bundle", "exec", "sidekiq"]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/ingest-worker"
        awslogs-region        = "us-west-2"
        awslogs-stream-prefix = "worker"
      }
    }
  }

  datadog = {
    name      = "datadog-agent"
    image     = "public.ecr.aws/datadog/agent:7.52.0"
    essential = false
    environment = [
      { name = "ECS_FARGATE", value = "true" },
      { name = "DD_SITE", value = "datadoghq.com" },
    ]
    secrets = [
      { name = "DD_API_KEY", valueFrom = var.datadog_api_key_arn }
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/ingest-worker"
        awslogs-region        = "us-west-2"
        awslogs-stream-prefix = "datadog"
      }
    }
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "ingest-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  task_role_arn            = "arn:aws:iam::334455667788:role/ingest-worker-task"

  container_definitions = jsonencode(concat(
    [local.app],
    var.enable_datadog ? [local.datadog] : [],
  ))
}
