resource "aws_ecr_repository" "leaderboard" {
  name                 = local.app
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "games" {
  name = "games"
}

data "aws_iam_policy_document" "tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${local.app}-execution"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# Added for the score uploads to DynamoDB (see PR #212).
resource "aws_iam_role" "task" {
  name               = "${local.app}-task"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
}

resource "aws_iam_role_policy" "task_scores" {
  name = "scores-table"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
      Resource = "arn:aws:dynamodb:${local.region}:${local.account_id}:table/leaderboard-scores"
    }]
  })
}

resource "aws_ecs_task_definition" "leaderboard" {
  family                   = local.app
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name         = "leaderboard"
      image        = "${aws_ecr_repository.leaderboard.repository_url}:bootstrap"
      essential    = true
      portMappings = [{ containerPort = 9000 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.app}"
          awslogs-region        = local.region
          awslogs-stream-prefix = "app"
          awslogs-create-group  = "true"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "leaderboard" {
  name                               = local.app
  cluster                            = aws_ecs_cluster.games.id
  task_definition                    = aws_ecs_task_definition.leaderboard.arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.vpc_private_subnets
    security_groups = [var.app_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
