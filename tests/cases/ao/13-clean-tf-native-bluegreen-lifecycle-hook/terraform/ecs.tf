resource "aws_ecs_service" "api" {
  name                               = "quotes-api"
  cluster                            = "freight"
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 4
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_controller {
    type = "ECS"
  }

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 15

    lifecycle_hook {
      hook_target_arn  = "arn:aws:lambda:ca-central-1:507319826644:function:quotes-smoke-test"
      role_arn         = "arn:aws:iam::507319826644:role/quotes-ecs-hooks"
      lifecycle_stages = ["POST_TEST_TRAFFIC_SHIFT"]
    }
  }

  alarms {
    enable      = true
    rollback    = true
    alarm_names = ["quotes-api-5xx", "quotes-api-p99-latency"]
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:507319826644:targetgroup/quotes-blue/6d0ecf831eec9f09"
    container_name   = "api"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:507319826644:targetgroup/quotes-green/3c1a9f2e7b5d4a10"
      production_listener_rule   = "arn:aws:elasticloadbalancing:ca-central-1:507319826644:listener-rule/app/freight/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"
      test_listener_rule         = "arn:aws:elasticloadbalancing:ca-central-1:507319826644:listener-rule/app/freight/50dc6c495c0c9188/0467ef3c8400ae65/7c2a9d1e4b3f5a86"
      role_arn                   = "arn:aws:iam::507319826644:role/ecs-infrastructure-elb"
    }
  }

  network_configuration {
    subnets         = ["subnet-04a1b2c3d4e5f6071", "subnet-09f8e7d6c5b4a3921"]
    security_groups = ["sg-0a9b8c7d6e5f40312"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "worker" {
  name                               = "quotes-worker"
  cluster                            = "freight"
  task_definition                    = aws_ecs_task_definition.worker.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_configuration {
    strategy = "ROLLING"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-04a1b2c3d4e5f6071", "subnet-09f8e7d6c5b4a3921"]
    security_groups = ["sg-0a9b8c7d6e5f40312"]
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "quotes-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "2048"
  memory                   = "4096"
  execution_role_arn       = "arn:aws:iam::507319826644:role/quotes-execution"
  task_role_arn            = "arn:aws:iam::507319826644:role/quotes-task"

  container_definitions = jsonencode([{
    name         = "api"
    image        = "507319826644.dkr.ecr.ca-central-1.amazonaws.com/quotes@sha256:5f0c1e8a9b7d6c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e"
    essential    = true
    portMappings = [{ containerPort = 8080 }]
    secrets = [
      { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:ca-central-1:507319826644:parameter/quotes/database-url" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/quotes"
        awslogs-region        = "ca-central-1"
        awslogs-stream-prefix = "api"
      }
    }
  }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "quotes-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::507319826644:role/quotes-execution"

  container_definitions = jsonencode([{
    name      = "worker"
    image     = "507319826644.dkr.ecr.ca-central-1.amazonaws.com/quotes@sha256:5f0c1e8a9b7d6c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e"
    essential = true
    command   = ["bin/worker"]
    secrets = [
      { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:ca-central-1:507319826644:parameter/quotes/database-url" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/quotes"
        awslogs-region        = "ca-central-1"
        awslogs-stream-prefix = "worker"
      }
    }
  }])
}
