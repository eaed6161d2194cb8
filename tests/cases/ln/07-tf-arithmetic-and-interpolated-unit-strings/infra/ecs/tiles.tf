locals {
  tiles_cpu        = 2 * 1024
  tiles_memory_mib = 12 * 1024
}

resource "aws_ecs_task_definition" "tiles" {
  family                   = "maps-tiles"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.tiles_cpu
  memory                   = local.tiles_memory_mib
  execution_role_arn       = local.execution_role

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "tiles"
      image     = "${local.registry}/maps-tiles:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/maps-tiles"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "tiles"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "tiles_warmer" {
  family                   = "maps-tiles-warmer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2 * 1024
  memory                   = 6 * 1024
  execution_role_arn       = local.execution_role

  container_definitions = jsonencode([
    {
      name      = "warmer"
      image     = "${local.registry}/maps-tiles:${var.image_tag}"
      essential = true
      command   = ["./warm-cache", "--zoom", "0-12"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/maps-tiles"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "warmer"
        }
      }
    }
  ])
}
