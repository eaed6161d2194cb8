resource "aws_ecs_task_definition" "ledger" {
  family                   = "ledger"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = "arn:aws:iam::381726405519:role/ledger-execution"
  task_role_arn            = "arn:aws:iam::381726405519:role/ledger-task"

  container_definitions = jsonencode([{
    name      = "ledger"
    image     = "381726405519.dkr.ecr.eu-west-1.amazonaws.com/ledger:${var.ledger_image_tag}"
    essential = true
    portMappings = [{ containerPort = 9000 }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/ledger"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "ledger"
      }
    }
  }])
}

variable "ledger_image_tag" {
  type        = string
  description = "Commit SHA of the ledger image to run (set by the ledger repository's release)"

  validation {
    condition     = can(regex("^[0-9a-f]{40}$", var.ledger_image_tag))
    error_message = "Use a full commit SHA."
  }
}

resource "aws_ecs_service" "ledger" {
  name                              = "ledger"
  cluster                           = "pelican-prod"
  task_definition                   = aws_ecs_task_definition.ledger.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:381726405519:targetgroup/ledger/9f8e7d6c5b4a3921"
    container_name   = "ledger"
    container_port   = 9000
  }

  network_configuration {
    subnets         = ["subnet-0123abcd4567ef890", "subnet-0123abcd4567ef891"]
    security_groups = ["sg-0123abcd4567ef892"]
  }
}
