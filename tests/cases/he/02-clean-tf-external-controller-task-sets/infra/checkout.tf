locals {
  checkout_port = 8080
  private_subnets = [
    "subnet-0f3a9b8c7d6e5f401",
    "subnet-0a1b2c3d4e5f60712",
    "subnet-0b2c3d4e5f6071823",
  ]
}

resource "aws_ecs_cluster" "shop" {
  name = "shop-prod"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_lb_target_group" "checkout_blue" {
  name        = "checkout-blue"
  port        = local.checkout_port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path                = "/health/ready"
    healthy_threshold   = 2
    unhealthy_threshold = 3
    interval            = 15
  }
}

resource "aws_lb_target_group" "checkout_green" {
  name        = "checkout-green"
  port        = local.checkout_port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path                = "/health/ready"
    healthy_threshold   = 2
    unhealthy_threshold = 3
    interval            = 15
  }
}

# Traffic is shifted between the two task sets by shop-deployer
# (our own controller), so ECS itself never rolls this service.
resource "aws_ecs_service" "checkout" {
  name          = "checkout"
  cluster       = aws_ecs_cluster.shop.id
  desired_count = 6

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  deployment_controller {
    type = "EXTERNAL"
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_task_set" "checkout_blue" {
  service         = aws_ecs_service.checkout.id
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.checkout.arn
  external_id     = "blue"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = local.private_subnets
    security_groups  = [var.checkout_sg_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.checkout_blue.arn
    container_name   = "checkout"
    container_port   = local.checkout_port
  }

  scale {
    unit  = "PERCENT"
    value = 100
  }

  lifecycle {
    ignore_changes = [scale, task_definition]
  }
}

resource "aws_ecs_task_set" "checkout_green" {
  service         = aws_ecs_service.checkout.id
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.checkout.arn
  external_id     = "green"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = local.private_subnets
    security_groups  = [var.checkout_sg_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.checkout_green.arn
    container_name   = "checkout"
    container_port   = local.checkout_port
  }

  scale {
    unit  = "PERCENT"
    value = 0
  }

  lifecycle {
    ignore_changes = [scale, task_definition]
  }
}
