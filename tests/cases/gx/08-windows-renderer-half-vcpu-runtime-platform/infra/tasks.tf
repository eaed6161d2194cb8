locals {
  tasks = {
    api = {
      os     = "LINUX"
      arch   = "ARM64"
      cpu    = 512
      memory = 1024
      image  = "api"
    }
    # Office interop needs Windows; sized like the Linux workers.
    pdf-renderer = {
      os     = "WINDOWS_SERVER_2022_CORE"
      arch   = "X86_64"
      cpu    = 512
      memory = 1024
      image  = "pdf-renderer"
    }
    thumbnailer = {
      os     = "LINUX"
      arch   = "ARM64"
      cpu    = 256
      memory = 2048
      image  = "thumbnailer"
    }
  }
}

resource "aws_ecs_task_definition" "task" {
  for_each = local.tasks

  family                   = "inkwell-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = "arn:aws:iam::447120983355:role/inkwell-execution"

  dynamic "runtime_platform" {
    for_each = [each.value]
    content {
      operating_system_family = runtime_platform.value.os
      cpu_architecture        = runtime_platform.value.arch
    }
  }

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = "447120983355.dkr.ecr.us-east-1.amazonaws.com/${each.value.image}:bootstrap"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/inkwell-${each.key}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "task" {
  for_each = local.tasks

  name            = "inkwell-${each.key}"
  cluster         = "inkwell"
  task_definition = aws_ecs_task_definition.task[each.key].arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-0e1d2c3b4a5968771", "subnet-0e1d2c3b4a5968772"]
    security_groups = ["sg-0b1c2d3e4f5a69780"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
