resource "aws_ecs_service" "admin" {
  name            = "harbor-admin"
  cluster         = var.cluster_arn
  task_definition = "harbor-admin"
  desired_count   = var.admin_desired_count
  launch_type     = "FARGATE"

  deployment_configuration {
    strategy = "ROLLING"
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 150

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:447201938651:targetgroup/harbor-admin/91c4e7a2d05b3f68"
    container_name   = "admin"
    container_port   = 8000
  }

  health_check_grace_period_seconds = 90

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = ["sg-05e9a3c7d1b4f2680"]
    assign_public_ip = false
  }
}
