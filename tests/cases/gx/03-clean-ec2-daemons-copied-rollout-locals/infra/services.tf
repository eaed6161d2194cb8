locals {
  # One rollout policy for every service in the cluster.
  rollout = {
    min_healthy_percent = 100
    max_percent         = 200
  }

  replicas = {
    ingest = {
      desired_count = 6
      cpu           = 1024
      memory        = 1536
      placement = [
        { type = "spread", field = "attribute:ecs.availability-zone" },
        { type = "binpack", field = "memory" },
      ]
    }
    rollup = {
      desired_count = 2
      cpu           = 512
      memory        = 1024
      placement = [
        { type = "spread", field = "instanceId" },
      ]
    }
  }

  daemons = {
    fluent-bit = {
      image  = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      cpu    = 128
      memory = 256
    }
    node-exporter = {
      image  = "quay.io/prometheus/node-exporter:v1.8.2"
      cpu    = 64
      memory = 128
    }
  }
}

resource "aws_ecs_task_definition" "replica" {
  for_each = local.replicas

  family                   = "telemetry-${each.key}"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name              = each.key
      image             = "${aws_ecr_repository.telemetry.repository_url}:bootstrap"
      essential         = true
      memoryReservation = each.value.memory - 256
      portMappings      = [{ containerPort = 9000, hostPort = 0 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/telemetry-${each.key}"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "replica" {
  for_each = local.replicas

  name            = "telemetry-${each.key}"
  cluster         = aws_ecs_cluster.telemetry.id
  task_definition = aws_ecs_task_definition.replica[each.key].arn
  desired_count   = each.value.desired_count

  deployment_minimum_healthy_percent = local.rollout.min_healthy_percent
  deployment_maximum_percent         = local.rollout.max_percent

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.c6g.name
    weight            = 1
  }

  dynamic "ordered_placement_strategy" {
    for_each = each.value.placement
    content {
      type  = ordered_placement_strategy.value.type
      field = ordered_placement_strategy.value.field
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_task_definition" "daemon" {
  for_each = local.daemons

  family                   = "telemetry-${each.key}"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = each.value.image
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/telemetry-${each.key}"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

# Daemons: one task per container instance. The provider sends no
# maximum percent for DAEMON services, and no minimum when it is 100,
# so ECS keeps its daemon defaults (0 % / 100 %).
resource "aws_ecs_service" "daemon" {
  for_each = local.daemons

  name                = "telemetry-${each.key}"
  cluster             = aws_ecs_cluster.telemetry.id
  task_definition     = aws_ecs_task_definition.daemon[each.key].arn
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = local.rollout.min_healthy_percent
  deployment_maximum_percent         = local.rollout.max_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
