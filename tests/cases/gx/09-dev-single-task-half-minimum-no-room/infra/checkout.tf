locals {
  envs = {
    dev = {
      desired_count = 1
      spot          = true
      autoscale     = false
    }
    prod = {
      desired_count = 4
      spot          = false
      autoscale     = true
    }
  }

  # Roll without extra capacity: replace half of the tasks at a time and
  # never run more than the desired count (keeps Fargate spend flat).
  rollout = {
    minimum_healthy_percent = 50
    maximum_percent         = 100
  }
}

resource "aws_ecs_service" "checkout" {
  for_each = local.envs

  name            = "checkout-${each.key}"
  cluster         = "shop-${each.key}"
  task_definition = "checkout-${each.key}"
  desired_count   = each.value.desired_count

  deployment_minimum_healthy_percent = local.rollout.minimum_healthy_percent
  deployment_maximum_percent         = local.rollout.maximum_percent

  dynamic "capacity_provider_strategy" {
    for_each = each.value.spot ? ["FARGATE_SPOT"] : ["FARGATE"]
    content {
      capacity_provider = capacity_provider_strategy.value
      weight            = 1
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-01f2e3d4c5b6a7981", "subnet-01f2e3d4c5b6a7982"]
    security_groups = ["sg-03c4d5e6f7a8b9c01"]
  }

  lifecycle {
    ignore_changes = [desired_count, task_definition]
  }
}

resource "aws_appautoscaling_target" "checkout" {
  for_each = { for name, env in local.envs : name => env if env.autoscale }

  service_namespace  = "ecs"
  resource_id        = "service/shop-${each.key}/${aws_ecs_service.checkout[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = each.value.desired_count
  max_capacity       = each.value.desired_count * 4
}

resource "aws_appautoscaling_policy" "checkout_cpu" {
  for_each = aws_appautoscaling_target.checkout

  name               = "checkout-${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = each.value.service_namespace
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
