variable "image_digest" {
  type    = string
  default = "sha256:4f1c2b3a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708"
}

variable "run_migrations" {
  type    = bool
  default = true
}

locals {
  image = format("%s@%s", "889900112233.dkr.ecr.us-east-1.amazonaws.com/catalog", var.image_digest)

  log_config = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = "/ecs/catalog"
      awslogs-region        = "us-east-1"
      awslogs-stream-prefix = "catalog"
    }
  }

  app = {
    name             = "catalog"
    image            = local.image
    essential        = true
    portMappings     = [{ containerPort = 8080 }]
    logConfiguration = local.log_config
    dependsOn        = var.run_migrations ? [{ containerName = "migrate", condition = "SUCCESS" }] : []
  }

  migrate = {
    name             = "migrate"
    image            = local.image
    essential        = false
    command          = ["python", "manage.py", "migrate", "--noinput"]
    logConfiguration = local.log_config
  }
}

resource "aws_ecs_task_definition" "catalog" {
  family                   = "catalog"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::889900112233:role/catalog-execution"

  container_definitions = jsonencode(concat(
    tolist([local.app]),
    var.run_migrations ? [local.migrate] : [],
  ))
}

resource "aws_ecs_service" "catalog" {
  name            = "catalog"
  cluster         = "shop"
  task_definition = aws_ecs_task_definition.catalog.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:889900112233:targetgroup/catalog-blue/73e2d6bc24d8a067"
    container_name   = "catalog"
    container_port   = 8080
  }

  network_configuration {
    subnets         = ["subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0"]
    security_groups = ["sg-0b0b0b0b0b0b0b0b0"]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
