resource "aws_ecr_repository" "tiles_api" {
  name                 = "tiles-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "tiles_api" {
  family                   = "tiles-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "3072"
  execution_role_arn       = local.platform.tiles_api_execution_role_arn
  task_role_arn            = local.platform.tiles_api_task_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name         = "tiles-api"
      image        = "${var.image_repository}:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "TILE_CACHE_BUCKET", value = local.platform.tile_cache_bucket },
        { name = "PGUSER", value = "tiles_api" },
        { name = "PGPASSWORD_SECRET_ARN", value = local.platform.tiles_db_secret_arn },
      ]
      secrets = [
        { name = "PGPASSWORD", valueFrom = "${local.platform.tiles_db_secret_arn}:password::" },
        { name = "MAPBOX_TOKEN", valueFrom = local.platform.mapbox_token_parameter_arn },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/tiles-api"
          awslogs-region        = "eu-west-3"
          awslogs-stream-prefix = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "tiles_api" {
  name            = "tiles-api"
  cluster         = local.platform.ecs_cluster_arn
  task_definition = aws_ecs_task_definition.tiles_api.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = local.platform.tiles_api_target_group_arn
    container_name   = "tiles-api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = local.platform.private_subnet_ids
    security_groups  = [local.platform.tiles_api_security_group_id]
    assign_public_ip = false
  }
}
