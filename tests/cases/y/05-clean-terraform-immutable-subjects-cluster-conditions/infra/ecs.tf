resource "aws_ecr_repository" "router" {
  name                 = "parcel-router"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_cloudwatch_log_group" "router" {
  name              = "/ecs/parcel-router"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "router" {
  family                   = "parcel-router"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "router"
      image     = "${aws_ecr_repository.router.repository_url}:bootstrap-2024-11"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "SPRING_PROFILES_ACTIVE", value = "ecs" },
        { name = "ROUTER_TENANT_HEADER", value = "X-Parcel-Key" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.router.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "router"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "staging" {
  name                              = "parcel-router"
  cluster                           = "parcels-staging"
  task_definition                   = aws_ecs_task_definition.router.arn
  desired_count                     = 1
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-west-2:361847205519:targetgroup/router-staging/1f2e3d4c5b6a7988"
    container_name   = "router"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-0aa11bb22cc33dd44"]
    security_groups  = ["sg-0ab12cd34ef56ab78"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "production" {
  name                              = "parcel-router"
  cluster                           = "parcels-production"
  task_definition                   = aws_ecs_task_definition.router.arn
  desired_count                     = 4
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-west-2:361847205519:targetgroup/router-production/8a7b6c5d4e3f2019"
    container_name   = "router"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-0ee55ff66aa77bb88", "subnet-0ee55ff66aa77bb99"]
    security_groups  = ["sg-0cd34ef56ab78cd90"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
