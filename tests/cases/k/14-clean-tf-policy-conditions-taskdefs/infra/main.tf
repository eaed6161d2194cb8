variable "account_id" {
  type    = string
  default = "845019273640"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "image_tag" {
  type = string
}

locals {
  workloads = {
    api = {
      cpu    = 512
      memory = 4096
      port   = 8080
    }
    reports = {
      cpu    = 8192
      memory = 32768
      port   = 9000
    }
  }
  registry = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com"
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  for_each           = local.workloads
  name               = "petrel-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role" "task" {
  for_each           = local.workloads
  name               = "petrel-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_ecs_task_definition" "workload" {
  for_each                 = local.workloads
  family                   = "petrel-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = "${local.registry}/petrel-${each.key}:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = each.value.port }]
      environment = [
        { name = "AWS_SECRETS_MANAGER_REGION", value = var.region },
        { name = "API_KEY_HEADER", value = "X-Petrel-Key" },
        { name = "SESSION_TOKEN_TTL", value = "900" },
      ]
      secrets = [
        { name = "DATABASE_PASSWORD", valueFrom = "arn:aws:secretsmanager:${var.region}:${var.account_id}:secret:petrel/${each.key}/db" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/petrel-${each.key}"
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}
