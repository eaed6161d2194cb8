# checkout-web is released by our in-house traffic shifter (deploy/shifter),
# which creates a task set per release and moves listener weight between
# them. Terraform only owns the service shell and the task set of the
# current primary.

resource "aws_ecs_service" "checkout_web" {
  name          = "checkout-web"
  cluster       = aws_ecs_cluster.shop.id
  desired_count = 4

  deployment_controller {
    type = "EXTERNAL"
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_task_set" "checkout_web_primary" {
  service         = aws_ecs_service.checkout_web.id
  cluster         = aws_ecs_cluster.shop.id
  external_id     = "release-2024-11-19.3"
  task_definition = "arn:aws:ecs:ap-southeast-2:903144618052:task-definition/checkout-web:77"
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = aws_lb_target_group.checkout_blue.arn
    container_name   = "checkout-web"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-0b1c2d3e4f5a6b7c8", "subnet-0c2d3e4f5a6b7c8d9"]
    security_groups  = ["sg-0d3e4f5a6b7c8d9e0"]
    assign_public_ip = false
  }

  scale {
    unit  = "PERCENT"
    value = 100
  }

  wait_until_stable         = true
  wait_until_stable_timeout = "15m"
}

resource "aws_ecs_cluster" "shop" {
  name = "shop"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_lb_target_group" "checkout_blue" {
  name        = "checkout-web-blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0e4f5a6b7c8d9e0f1"

  health_check {
    path    = "/health"
    matcher = "200"
  }
}

resource "aws_lb_target_group" "checkout_green" {
  name        = "checkout-web-green"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0e4f5a6b7c8d9e0f1"

  health_check {
    path    = "/health"
    matcher = "200"
  }
}
