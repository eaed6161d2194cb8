variable "image_tag" {
  type    = string
  default = "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d"
}

locals {
  registry = "590312874461.dkr.ecr.us-east-2.amazonaws.com"
}

resource "aws_ecs_task_definition" "ingest" {
  family                   = "tern-ingest"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  execution_role_arn       = "arn:aws:iam::590312874461:role/tern-ingest-execution"

  container_definitions = jsonencode([
    {
      name      = "ingest"
      image     = "${local.registry}/tern-ingest:${var.image_tag}"
      essential = true
      memory    = 1024
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/tern-ingest"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "ingest"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "geo" {
  family                   = "tern-geo"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 16384
  memory                   = 40960
  execution_role_arn       = "arn:aws:iam::590312874461:role/tern-geo-execution"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "geo"
      image     = "${local.registry}/tern-geo:${var.image_tag}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/tern-geo"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "geo"
        }
      }
    }
  ])
}
