variable "desired_count" {
  type    = number
  default = 2
}

variable "deployment" {
  type = map(number)
  default = {
    minimum_healthy_percent = 100
    maximum_percent         = 100
  }
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f9e8d7c6b5a49382"]
}

resource "aws_ecs_service" "consumer" {
  name            = "events-consumer"
  cluster         = "platform"
  task_definition = "events-consumer"
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = lookup(var.deployment, "minimum_healthy_percent", 50)
  deployment_maximum_percent         = lookup(var.deployment, "maximum_percent", 200)

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
