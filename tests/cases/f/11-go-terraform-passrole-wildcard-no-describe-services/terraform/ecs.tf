resource "aws_ecs_service" "route_optimizer" {
  name                               = "route-optimizer"
  cluster                            = "arcadia"
  task_definition                    = "route-optimizer"
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  network_configuration {
    subnets          = ["subnet-0e1f2a3b4c5d6e7f8", "subnet-0e1f2a3b4c5d6e7f9"]
    security_groups  = ["sg-0e1f2a3b4c5d6e7fa"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
