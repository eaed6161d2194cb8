data "aws_ecs_cluster" "marketplace" {
  cluster_name = "marketplace"
}

resource "aws_security_group" "tasks" {
  name   = "marketplace-tasks"
  vpc_id = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb_target_group" "service" {
  count = length(var.services)

  name        = var.services[count.index].name
  port        = var.services[count.index].port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path = var.services[count.index].health_check_path
  }
}

resource "aws_lb_listener_rule" "service" {
  count = length(var.services)

  listener_arn = var.https_listener_arn
  priority     = 100 + count.index

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service[count.index].arn
  }

  condition {
    path_pattern {
      values = var.services[count.index].path_patterns
    }
  }
}

module "service" {
  source = "./modules/alb-service"
  count  = length(var.services)

  name          = var.services[count.index].name
  cluster_arn   = data.aws_ecs_cluster.marketplace.arn
  image         = "${var.ecr_registry}/${var.services[count.index].name}:${var.services[count.index].image_tag}"
  cpu           = var.services[count.index].cpu
  memory        = var.services[count.index].memory
  desired_count = var.services[count.index].desired_count

  target_group_arn                  = aws_lb_target_group.service[count.index].arn
  container_port                    = var.services[count.index].port
  health_check_grace_period_seconds = var.services[count.index].health_check_grace_period_seconds

  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.tasks.id]
}
