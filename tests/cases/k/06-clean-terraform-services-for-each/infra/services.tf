locals {
  web_services = {
    storefront = { port = 8080, desired = 3, target_group = "arn:aws:elasticloadbalancing:ap-southeast-2:447120938561:targetgroup/storefront/5e1b2c3d4a5f6e7d" }
    admin      = { port = 3000, desired = 2, target_group = "arn:aws:elasticloadbalancing:ap-southeast-2:447120938561:targetgroup/admin/8a9b0c1d2e3f4a5b" }
  }
}

resource "aws_ecs_service" "web" {
  for_each = local.web_services

  name            = "plover-${each.key}"
  cluster         = var.cluster_arn
  task_definition = "plover-${each.key}"
  desired_count   = each.value.desired
  launch_type     = "FARGATE"

  health_check_grace_period_seconds  = var.grace_period_seconds
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = each.value.target_group
    container_name   = each.key
    container_port   = each.value.port
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "api" {
  name            = "plover-api"
  cluster         = var.cluster_arn
  task_definition = "plover-api"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:447120938561:targetgroup/api/1f2e3d4c5b6a7980"
    container_name   = "api"
    container_port   = 8000
  }

  network_configuration {
    subnets = var.private_subnet_ids
  }
}

resource "aws_ecs_service" "worker" {
  name            = "plover-worker"
  cluster         = var.cluster_arn
  task_definition = "plover-worker"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets = var.private_subnet_ids
  }
}

resource "aws_ecs_service" "pricing" {
  name            = "plover-pricing"
  cluster         = var.cluster_arn
  task_definition = "plover-pricing"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  service_registries {
    registry_arn = "arn:aws:servicediscovery:ap-southeast-2:447120938561:service/srv-4xq7rj2mzkb5w3ld"
  }

  network_configuration {
    subnets = var.private_subnet_ids
  }
}

resource "aws_ecs_service" "node_agent" {
  name                = "plover-node-agent"
  cluster             = var.cluster_arn
  task_definition     = "plover-node-agent"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
