variable "size" {
  description = "small | medium | large"
  type        = string
  default     = "large"
}

locals {
  sizes = {
    small  = { cpu = 256, memory = 512 }
    medium = { cpu = 512, memory = 1024 }
    large  = { cpu = 1024, memory = 1024 }
  }

  cpu    = try(local.sizes[var.size].cpu, 256)
  memory = lookup(local.sizes[var.size], "memory", 512)
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.cpu
  memory                   = local.memory
  execution_role_arn       = "arn:aws:iam::778899001122:role/reports-execution"

  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = "778899001122.dkr.ecr.ap-southeast-2.amazonaws.com/reports:2024.05.3"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/reports"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "reports"
        }
      }
    }
  ])
}
