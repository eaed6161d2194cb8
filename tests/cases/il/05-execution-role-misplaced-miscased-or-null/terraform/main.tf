variable "image_tag" {
  type = string
}

variable "execution_role_arn" {
  type        = string
  default     = null
  description = "Task execution role; leave null to run without one."
}

variable "task_role_arn" {
  type = string
}

resource "aws_ecs_task_definition" "fraud_scorer" {
  family                   = "fraud-scorer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([
    {
      name      = "scorer"
      image     = "662104378559.dkr.ecr.ap-southeast-2.amazonaws.com/fraud-scorer:${var.image_tag}"
      essential = true
      secrets = [
        { name = "MODEL_REGISTRY_TOKEN", valueFrom = "arn:aws:ssm:ap-southeast-2:662104378559:parameter/prod/fraud/model-registry-token" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/fraud-scorer"
          "awslogs-region"        = "ap-southeast-2"
          "awslogs-stream-prefix" = "scorer"
        }
      }
    }
  ])
}
