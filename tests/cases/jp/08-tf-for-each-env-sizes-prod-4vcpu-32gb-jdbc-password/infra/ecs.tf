locals {
  # Task size per environment. Production was bumped for the month-end
  # reconciliation batch (INC-2291).
  environments = {
    staging    = { cpu = 512, memory = 2048, desired_count = 1 }
    production = { cpu = 4096, memory = 32768, desired_count = 3 }
  }
}

variable "image_tag" {
  description = "Commit SHA of the ledger image (set by CI)."
  type        = string
}

variable "db_password" {
  description = "Password of the ledger_app database user."
  type        = string
  sensitive   = true
}

resource "aws_cloudwatch_log_group" "ledger" {
  for_each          = local.environments
  name              = "/ecs/ledger-${each.key}"
  retention_in_days = 60
}

resource "aws_ecs_task_definition" "ledger" {
  for_each = local.environments

  family                   = "ledger-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = "arn:aws:iam::390172645581:role/ledger-${each.key}-execution"
  task_role_arn            = "arn:aws:iam::390172645581:role/ledger-${each.key}-task"

  container_definitions = jsonencode([
    {
      name      = "ledger"
      image     = "390172645581.dkr.ecr.eu-central-1.amazonaws.com/ledger:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "SPRING_PROFILES_ACTIVE", value = each.key },
        { name = "SPRING_DATASOURCE_URL", value = "jdbc:postgresql://ledger-${each.key}.cluster-cq8x2v.eu-central-1.rds.amazonaws.com:5432/ledger?user=ledger_app&password=${var.db_password}&sslmode=require" },
        { name = "JAVA_TOOL_OPTIONS", value = "-XX:MaxRAMPercentage=75" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger[each.key].name
          awslogs-region        = "eu-central-1"
          awslogs-stream-prefix = "ledger"
        }
      }
    }
  ])
}
