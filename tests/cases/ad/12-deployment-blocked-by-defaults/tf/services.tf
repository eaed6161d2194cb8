resource "aws_ecs_service" "search" {
  name                       = "catalog-search"
  cluster                    = "catalog"
  task_definition            = "catalog-search:12"
  desired_count              = 1
  launch_type                = "FARGATE"
  deployment_maximum_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-0f1e2d3c4b5a69788"]
    security_groups = ["sg-0e1d2c3b4a5f60718"]
  }
}

resource "aws_ecs_service" "thumbs" {
  name                       = "catalog-thumbs"
  cluster                    = "catalog"
  task_definition            = "catalog-thumbs:40"
  desired_count              = 2
  launch_type                = "FARGATE"
  deployment_maximum_percent = 150

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-0f1e2d3c4b5a69788"]
    security_groups = ["sg-0e1d2c3b4a5f60718"]
  }
}
