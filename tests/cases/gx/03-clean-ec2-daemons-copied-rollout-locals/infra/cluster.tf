resource "aws_ecs_cluster" "telemetry" {
  name = "telemetry"
}

resource "aws_ecs_capacity_provider" "c6g" {
  name = "telemetry-c6g"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.c6g.arn
    managed_termination_protection = "ENABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 90
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "telemetry" {
  cluster_name       = aws_ecs_cluster.telemetry.name
  capacity_providers = [aws_ecs_capacity_provider.c6g.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.c6g.name
    weight            = 1
  }
}
