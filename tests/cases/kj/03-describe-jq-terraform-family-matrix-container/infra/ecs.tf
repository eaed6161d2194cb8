locals {
  account_id = "381947205563"
  region     = "us-east-1"
  registry   = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com"
}

# Terraform creates the first revision; CI registers the later ones from the
# live revision (describe-task-definition), so the services ignore task_definition.
resource "aws_ecs_task_definition" "web" {
  family                   = "shop-web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.web_task.arn

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "${local.registry}/shop-web:bootstrap"
      essential = true
      command   = ["bundle", "exec", "puma", "-C", "config/puma.rb"]
      portMappings = [{ containerPort = 3000, protocol = "tcp" }]
      environment = [
        { name = "RAILS_ENV", value = "production" },
        { name = "RAILS_LOG_TO_STDOUT", value = "1" },
      ]
      secrets = [
        { name = "RAILS_MASTER_KEY", valueFrom = "arn:aws:ssm:us-east-1:381947205563:parameter/shop/rails-master-key" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/shop-web"
          awslogs-region        = local.region
          awslogs-stream-prefix = "web"
        }
      }
    },
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "shop-worker"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn

  container_definitions = jsonencode([
    {
      name      = "sidekiq"
      image     = "${local.registry}/shop-web:bootstrap"
      essential = true
      command   = ["bundle", "exec", "sidekiq", "-C", "config/sidekiq.yml"]
      environment = [
        { name = "RAILS_ENV", value = "production" },
      ]
      secrets = [
        { name = "RAILS_MASTER_KEY", valueFrom = "arn:aws:ssm:us-east-1:381947205563:parameter/shop/rails-master-key" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/shop-worker"
          awslogs-region        = local.region
          awslogs-stream-prefix = "sidekiq"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "web" {
  name                              = "shop-web"
  cluster                           = aws_ecs_cluster.shop.id
  task_definition                   = aws_ecs_task_definition.web.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.web.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 3000
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_ecs_service" "worker" {
  name            = "shop-worker"
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.worker.id]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
