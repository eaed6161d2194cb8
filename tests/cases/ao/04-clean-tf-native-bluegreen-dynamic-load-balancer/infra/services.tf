locals {
  region     = "us-east-2"
  account_id = "870214563390"

  services = {
    web = {
      cpu      = 1024
      memory   = 2048
      port     = 3000
      desired  = 3
      strategy = "BLUE_GREEN"
      command  = ["bin/rails", "server", "-b", "0.0.0.0"]
    }
    worker = {
      cpu      = 512
      memory   = 1024
      port     = null
      desired  = 2
      strategy = "ROLLING"
      command  = ["bundle", "exec", "good_job", "start"]
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  for_each = local.services

  family                   = "scheduling-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name         = each.key
      image        = "${aws_ecr_repository.scheduling.repository_url}:${var.bootstrap_tag}"
      essential    = true
      command      = each.value.command
      portMappings = each.value.port == null ? [] : [{ containerPort = each.value.port }]
      environment = [
        { name = "RAILS_ENV", value = "production" },
        { name = "RAILS_LOG_TO_STDOUT", value = "1" },
        { name = "SECRET_KEY_BASE_DUMMY", value = "" },
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = aws_ssm_parameter.database_url.arn },
        { name = "SECRET_KEY_BASE", valueFrom = "${aws_secretsmanager_secret.rails.arn}:secret_key_base::" },
        { name = "TWILIO_AUTH_TOKEN", valueFrom = "${aws_secretsmanager_secret.rails.arn}:twilio_auth_token::" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/scheduling"
          awslogs-region        = local.region
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "app" {
  for_each = local.services

  name                              = "scheduling-${each.key}"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.app[each.key].arn
  desired_count                     = each.value.desired
  launch_type                       = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = each.value.port == null ? null : 120

  deployment_controller {
    type = "ECS"
  }

  deployment_configuration {
    strategy             = each.value.strategy
    bake_time_in_minutes = each.value.strategy == "BLUE_GREEN" ? 10 : null
  }

  dynamic "deployment_circuit_breaker" {
    for_each = each.value.strategy == "ROLLING" ? [1] : []

    content {
      enable   = true
      rollback = true
    }
  }

  alarms {
    enable      = true
    rollback    = true
    alarm_names = [aws_cloudwatch_metric_alarm.errors[each.key].alarm_name]
  }

  dynamic "load_balancer" {
    for_each = each.value.port == null ? [] : [each.value.port]

    content {
      target_group_arn = aws_lb_target_group.web_blue.arn
      container_name   = each.key
      container_port   = load_balancer.value

      advanced_configuration {
        alternate_target_group_arn = aws_lb_target_group.web_green.arn
        production_listener_rule   = aws_lb_listener_rule.web.arn
        role_arn                   = aws_iam_role.ecs_infrastructure.arn
      }
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
