resource "aws_ecr_repository" "claims_api" {
  name                 = "claims-api"
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "claims-api-staging-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name               = "claims-api-staging-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_ecs_task_definition" "claims_api" {
  family                   = "claims-api-staging"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name      = "claims-api"
    image     = "${aws_ecr_repository.claims_api.repository_url}:initial"
    essential = true
    portMappings = [{ containerPort = 3000 }]
    environment = [
      { name = "RAILS_ENV", value = "staging" },
      { name = "RAILS_LOG_TO_STDOUT", value = "1" },
    ]
    secrets = [
      { name = "SECRET_KEY_BASE", valueFrom = "arn:aws:ssm:${local.region}:${local.account_id}:parameter/claims-api/staging/secret-key-base" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/claims-api-staging"
        awslogs-region        = local.region
        awslogs-stream-prefix = "web"
      }
    }
  }])
}

resource "aws_ecs_service" "claims_api" {
  name                              = "claims-api"
  cluster                           = "claims-staging"
  task_definition                   = aws_ecs_task_definition.claims_api.arn
  desired_count                     = 1
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:903817264450:targetgroup/claims-staging/6e5d4c3b2a190817"
    container_name   = "claims-api"
    container_port   = 3000
  }

  network_configuration {
    subnets         = ["subnet-0c1d2e3f4a5b6c7d8", "subnet-0d2e3f4a5b6c7d8e9"]
    security_groups = ["sg-0e3f4a5b6c7d8e9f0"]
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
