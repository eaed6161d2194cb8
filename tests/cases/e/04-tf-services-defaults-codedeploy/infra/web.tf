resource "aws_ecs_service" "web" {
  name            = "alder-web"
  cluster         = local.cluster
  task_definition = "alder-web"
  desired_count   = 3
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = var.web_target_group_arn
    container_name   = "web"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.subnets
    security_groups  = [var.security_group]
    assign_public_ip = true
  }
}
