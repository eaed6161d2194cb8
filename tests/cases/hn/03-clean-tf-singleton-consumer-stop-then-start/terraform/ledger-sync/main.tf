# ledger-sync consumes the ledger FIFO queue. Exactly one consumer may run at a
# time, so a deploy stops the old task before the new one starts (0% / 100%).

data "aws_ecs_cluster" "finance" {
  cluster_name = var.cluster_name
}

resource "aws_cloudwatch_log_group" "ledger_sync" {
  name              = "/ecs/ledger-sync"
  retention_in_days = 90
}

resource "aws_service_discovery_private_dns_namespace" "finance" {
  name = "finance.local"
  vpc  = "vpc-0b5e8d2a71c94f360"
}

resource "aws_service_discovery_service" "ledger_sync" {
  name = "ledger-sync"

  dns_config {
    namespace_id = aws_service_discovery_private_dns_namespace.finance.id

    dns_records {
      ttl  = 10
      type = "A"
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_ecs_task_definition" "ledger_sync" {
  family                   = "ledger-sync"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::583920147266:role/ledger-sync-execution"
  task_role_arn            = "arn:aws:iam::583920147266:role/ledger-sync-task"

  container_definitions = jsonencode([
    {
      name      = "ledger-sync"
      image     = "583920147266.dkr.ecr.eu-central-1.amazonaws.com/ledger-sync:${var.image_tag}"
      essential = true
      command   = ["python", "-m", "ledger_sync.consume"]
      portMappings = [
        { containerPort = 9100, name = "metrics" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger_sync.name
          awslogs-region        = "eu-central-1"
          awslogs-stream-prefix = "ledger-sync"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "ledger_sync" {
  name            = "ledger-sync"
  cluster         = data.aws_ecs_cluster.finance.arn
  task_definition = aws_ecs_task_definition.ledger_sync.arn
  desired_count   = 1

  capacity_provider_strategy {
    capacity_provider = "finance-ec2-asg"
    weight            = 1
    base              = 1
  }

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = ["sg-02c7e9a4d1b68f53e"]
    assign_public_ip = false
  }

  service_registries {
    registry_arn = aws_service_discovery_service.ledger_sync.arn
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
