variable "name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "image" {
  type = string
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}

variable "desired_count" {
  type = number
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "target_group_arn" {
  type = string
}

variable "grace_period_seconds" {
  type = number
}

variable "circuit_breaker" {
  type = bool
}

variable "minimum_healthy_percent" {
  type = number
}

variable "maximum_percent" {
  type = number
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = "arn:aws:iam::${var.account_id}:role/${var.name}-execution"
  task_role_arn            = "arn:aws:iam::${var.account_id}:role/${var.name}-task"

  container_definitions = jsonencode([
    {
      name         = var.name
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = 8000 }]
      environment  = [for k in sort(keys(var.environment)) : { name = k, value = var.environment[k] }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${var.name}"
          awslogs-region        = var.region
          awslogs-stream-prefix = var.name
        }
      }
    }
  ])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = var.minimum_healthy_percent
  deployment_maximum_percent         = var.maximum_percent
  health_check_grace_period_seconds  = var.grace_period_seconds

  deployment_circuit_breaker {
    enable   = var.circuit_breaker
    rollback = var.circuit_breaker
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = var.name
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
