locals {
  cluster_name = "tessera-${var.environment}"
}

resource "aws_ecs_service" "search_api" {
  name                              = "search-api"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.search_api.arn
  desired_count                     = 3
  health_check_grace_period_seconds = 45
  enable_execute_command            = true

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.on_demand.name
    base              = 1
    weight            = 1
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }

  deployment_minimum_healthy_percent = 66
  deployment_maximum_percent         = 200

  # Alarms roll back bad releases; the breaker only stops the deploy, so that
  # on-call can inspect the failed tasks before ECS cleans them up.
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  alarms {
    alarm_names = [
      aws_cloudwatch_metric_alarm.search_api_5xx.alarm_name,
      aws_cloudwatch_metric_alarm.search_api_latency.alarm_name,
    ]
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.search_api.arn
    container_name   = "search-api"
    container_port   = 9200
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.search_api.id]
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_service" "indexer" {
  name            = "search-indexer"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.indexer.arn
  desired_count   = 1

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.on_demand.name
    weight            = 1
  }

  # One consumer per shard: stop the old task before the new one starts.
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.indexer.id]
  }
}
