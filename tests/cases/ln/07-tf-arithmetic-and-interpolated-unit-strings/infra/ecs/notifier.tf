variable "notifier_vcpu" {
  description = "Notifier task size in vCPU"
  type        = number
  default     = 2
}

variable "notifier_memory_gb" {
  description = "Notifier task memory in GB"
  type        = number
  default     = 3
}

resource "aws_ecs_task_definition" "notifier" {
  family                   = "maps-notifier"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "${var.notifier_vcpu} vCPU"
  memory                   = "${var.notifier_memory_gb} GB"
  execution_role_arn       = local.execution_role

  container_definitions = jsonencode([
    {
      name      = "notifier"
      image     = "${local.registry}/maps-notifier:${var.image_tag}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/maps-notifier"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "notifier"
        }
      }
    }
  ])
}
