resource "aws_ecr_repository" "app" {
  name                 = "route-planner"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "nginx" {
  name                 = "route-planner-nginx"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_lb_target_group" "blue" {
  name        = "route-planner-blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_lb_target_group" "green" {
  name        = "route-planner-green"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_security_group" "service" {
  name   = "route-planner-service"
  vpc_id = var.vpc_id
}

resource "aws_ecs_service" "route_planner" {
  name                              = "route-planner"
  cluster                           = local.cluster
  task_definition                   = "route-planner"
  desired_count                     = 4
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "nginx"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  lifecycle {
    # CodeDeploy owns the task definition and the live target group.
    ignore_changes = [task_definition, load_balancer, desired_count]
  }
}
