resource "aws_ecs_cluster" "events" {
  name = "events-prod"
}

resource "aws_security_group" "events" {
  name   = "events-services"
  vpc_id = var.vpc_id
}

resource "aws_lb_target_group" "api" {
  name        = "events-api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/actuator/health/readiness"
    matcher = "200"
  }
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}
