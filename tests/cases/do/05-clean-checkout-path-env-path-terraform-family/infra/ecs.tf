resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/tally-worker"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "tally-worker"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/tally-execution"
  task_role_arn            = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/tally-worker-task"

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com/tally:bootstrap"
      essential = true
      command   = ["bin/tally", "worker"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.worker.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "worker"
        }
      }
    }
  ])

  lifecycle {
    ignore_changes = [container_definitions]
  }
}
