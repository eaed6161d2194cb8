resource "aws_lb_target_group" "claims" {
  name        = "claims-service"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path                = "/actuator/health/readiness"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_security_group" "claims_tasks" {
  name   = "claims-service-tasks"
  vpc_id = var.vpc_id
}
