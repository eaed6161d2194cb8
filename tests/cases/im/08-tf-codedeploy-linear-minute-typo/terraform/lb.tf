variable "vpc_id" {
  type = string
}

variable "prod_listener_arn" {
  type = string
}

resource "aws_lb_target_group" "ledger_api" {
  for_each    = toset(["blue", "green"])
  name        = "ledger-api-${each.key}"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_target_group" "ledger_admin" {
  for_each    = toset(["blue", "green"])
  name        = "ledger-admin-${each.key}"
  port        = 9100
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path = "/healthz"
  }
}
