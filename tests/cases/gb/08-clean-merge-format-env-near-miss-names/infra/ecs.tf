variable "image_tag" {
  type    = string
  default = "v3.2.1"
}

variable "task_size" {
  type = object({ cpu = number, memory = number })
  default = {
    cpu    = 2048
    memory = 5120
  }
}

variable "extra_environment" {
  type    = map(string)
  default = {}
}

locals {
  repository_url = "556677889900.dkr.ecr.eu-central-1.amazonaws.com/ledger"

  defaults = {
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/ledger"
        awslogs-region        = "eu-central-1"
        awslogs-stream-prefix = "ledger"
      }
    }
  }

  environment = merge(tomap({
    SECRETS_MANAGER_REGION = "eu-central-1"
    DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-central-1:556677889900:secret:ledger/db-8fJq2w"
    TOKEN_TTL              = "3600"
    PASSWORD_MIN_LENGTH    = "12"
    LOG_FORMAT             = "json"
  }), var.extra_environment)
}

resource "aws_ecs_task_definition" "ledger" {
  family                   = "ledger"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = try(var.task_size.cpu, 1024)
  memory                   = try(var.task_size.memory, 2048)
  execution_role_arn       = "arn:aws:iam::556677889900:role/ledger-execution"
  task_role_arn            = "arn:aws:iam::556677889900:role/ledger-task"

  container_definitions = jsonencode([
    merge(local.defaults, {
      name         = "ledger"
      image        = format("%s:%s", local.repository_url, var.image_tag)
      portMappings = [{ containerPort = 9000, protocol = "tcp" }]
      environment  = [for k, v in local.environment : { name = k, value = v }]
      secrets = [
        {
          name      = "DB_PASSWORD"
          valueFrom = local.environment["DB_PASSWORD_SECRET_ARN"]
        }
      ]
    })
  ])
}
