locals {
  region     = "ca-central-1"
  account_id = "604418227731"
}

resource "aws_ecr_repository" "search_api" {
  name                 = "search-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "main" {
  name = "maple"
}

resource "aws_ecs_task_definition" "search_api" {
  family                   = "search-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/search-api-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/search-api-task"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "search-api"
      image     = "${aws_ecr_repository.search_api.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 9000, protocol = "tcp" }
      ]
      environment = [
        { name = "OPENSEARCH_ENDPOINT", value = "https://vpc-maple-search.ca-central-1.es.amazonaws.com" },
        { name = "SEARCH_CACHE_TTL", value = "300" }
      ]
      secrets = [
        { name = "OPENSEARCH_PASSWORD", valueFrom = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:search/opensearch-master-Qm2xTz" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/search-api"
          awslogs-region        = local.region
          awslogs-stream-prefix = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "fluentd_node" {
  family                   = "fluentd-node"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  cpu                      = "300"
  memory                   = "700"
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/fluentd-node-execution"

  container_definitions = <<-JSON
    [
      {
        "name": "fluentd",
        "image": "public.ecr.aws/docker/library/fluentd:v1.17-1",
        "essential": true,
        "memoryReservation": 256,
        "mountPoints": [
          { "sourceVolume": "docker-logs", "containerPath": "/var/lib/docker/containers", "readOnly": true }
        ],
        "secrets": [
          { "name": "LOKI_PASSWORD", "valueFrom": "arn:aws:ssm:ca-central-1:604418227731:parameter/observability/loki-password" }
        ],
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "/ecs/fluentd-node",
            "awslogs-region": "ca-central-1",
            "awslogs-stream-prefix": "fluentd"
          }
        }
      }
    ]
  JSON

  volume {
    name      = "docker-logs"
    host_path = "/var/lib/docker/containers"
  }
}

resource "aws_ecs_service" "search_api" {
  name            = "search-api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.search_api.arn
  desired_count   = 4
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "search-api"
    container_port   = 9000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "fluentd_node" {
  name                = "fluentd-node"
  cluster             = aws_ecs_cluster.main.id
  task_definition     = aws_ecs_task_definition.fluentd_node.arn
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = 0

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "cart" {
  name                              = "cart"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = "cart"
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.cart_blue_target_group_arn
    container_name   = "cart"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
