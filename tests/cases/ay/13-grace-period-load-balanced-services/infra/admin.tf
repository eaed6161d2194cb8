variable "admin_target_group_arn" {
  type = string
}

resource "aws_ecs_service" "quarry_admin" {
  name            = "quarry-admin"
  cluster         = "quarry"
  task_definition = "quarry-admin"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.admin_target_group_arn
    container_name   = "admin"
    container_port   = 8000
  }

  network_configuration {
    subnets          = ["subnet-0123abcd4567ef890", "subnet-0987fedc6543ba210"]
    security_groups  = ["sg-0a0b0c0d0e0f01020"]
    assign_public_ip = false
  }
}
