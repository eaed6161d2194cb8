variable "environment" {
  type    = string
  default = "staging"
}

variable "min_healthy_percent" {
  type    = number
  default = 50
}

variable "max_percent" {
  type    = number
  default = 200
}

variable "target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:us-east-1:445566778899:targetgroup/checkout-stg/6d0ecf831eec9f09"
}

resource "aws_ecs_service" "checkout" {
  name            = format("checkout-%s", var.environment)
  cluster         = format("shop-%s", var.environment)
  task_definition = "checkout-${var.environment}"
  desired_count   = var.environment == "production" ? 4 : 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = var.min_healthy_percent
  deployment_maximum_percent         = var.max_percent
  health_check_grace_period_seconds  = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = var.environment == "production"
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "checkout"
    container_port   = 8080
  }

  network_configuration {
    subnets         = ["subnet-0aa11bb22cc33dd44"]
    security_groups = ["sg-0fedcba9876543210"]
  }
}
