variable "execution_role_arn" {
  type    = string
  default = "arn:aws:iam::293847561029:role/quarry-execution"
}

locals {
  registry = "293847561029.dkr.ecr.us-east-1.amazonaws.com"
  log_group = "/ecs/quarry"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "quarry-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "${local.registry}/quarry-api:initial"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = local.log_group
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "scheduler" {
  family                   = "quarry-scheduler"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name      = "quarry-scheduler"
      image     = "${local.registry}/quarry-scheduler:initial"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = local.log_group
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "scheduler"
        }
      }
    }
  ])
}
