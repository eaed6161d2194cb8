locals {
  orders_target_groups = {
    http = {
      arn  = "arn:aws:elasticloadbalancing:ap-southeast-2:736451209834:targetgroup/orders-http/0f2e4d6c8b0a1e3d"
      port = 8080
    }
    grpc = {
      arn  = "arn:aws:elasticloadbalancing:ap-southeast-2:736451209834:targetgroup/orders-grpc/1a3c5e7f9b2d4f6a"
      port = 9090
    }
  }

  capacity = var.use_spot ? [
    { provider = "FARGATE", base = 1, weight = 1 },
    { provider = "FARGATE_SPOT", base = 0, weight = 3 },
  ] : [
    { provider = "FARGATE", base = 0, weight = 1 },
  ]
}

resource "aws_ecs_service" "orders" {
  name            = "orders"
  cluster         = var.cluster_name
  task_definition = "orders"
  desired_count   = 2

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 150

  dynamic "capacity_provider_strategy" {
    for_each = local.capacity
    content {
      capacity_provider = capacity_provider_strategy.value.provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  dynamic "load_balancer" {
    for_each = local.orders_target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = "orders"
      container_port   = load_balancer.value.port
    }
  }

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "orders_worker" {
  name            = "orders-worker"
  cluster         = var.cluster_name
  task_definition = "orders-worker"
  desired_count   = 3

  # stop one task at a time: 67% of 3 is 2 ... or so we thought
  deployment_minimum_healthy_percent = 67
  deployment_maximum_percent         = 100

  dynamic "capacity_provider_strategy" {
    for_each = local.capacity
    content {
      capacity_provider = capacity_provider_strategy.value.provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  alarms {
    alarm_names = ["orders-worker-dlq-depth"]
    enable      = true
    rollback    = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
