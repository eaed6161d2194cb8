terraform {
  backend "s3" {
    bucket = "pinecrest-tfstate"
    key    = "dispatch/services.tfstate"
    region = "us-east-2"
  }
}

provider "aws" {
  region = "us-east-2"
}

variable "image_tag" {
  type = string
}

locals {
  account_id = "417529036184"
  catalogue  = yamldecode(file("${path.module}/services.yaml"))
  services   = local.catalogue.services
}

resource "aws_cloudwatch_log_group" "svc" {
  for_each = local.services

  name              = "/ecs/dispatch/${each.key}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "svc" {
  for_each = local.services

  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/dispatch-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/${each.key}-task"

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = "${local.account_id}.dkr.ecr.us-east-2.amazonaws.com/${each.key}:${var.image_tag}"
      essential = true
      portMappings = try([{ containerPort = each.value.load_balancer.port }], [])
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.svc[each.key].name
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "svc" {
  for_each = local.services

  name            = each.key
  cluster         = local.catalogue.cluster
  task_definition = aws_ecs_task_definition.svc[each.key].arn
  desired_count   = each.value.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = each.value.deployment.min_healthy_percent
  deployment_maximum_percent         = each.value.deployment.max_percent
  health_check_grace_period_seconds  = try(each.value.load_balancer.grace_period, null)

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = try([each.value.load_balancer], [])
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = each.key
      container_port   = load_balancer.value.port
    }
  }

  network_configuration {
    subnets          = ["subnet-0b3d5f7a9c1e2d468", "subnet-0e5a7c9b1d3f2a684"]
    security_groups  = ["sg-0c2e4a6b8d1f3e579"]
    assign_public_ip = false
  }
}
