variable "release" {
  type        = string
  description = "Image tag: the git SHA built by CI"
}

resource "aws_ecr_repository" "cron" {
  name = "ledger-cron"
}

resource "aws_ecs_task_definition" "nightly_close" {
  family                   = "ledger-nightly-close"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::264190375508:role/ledger-execution"

  container_definitions = jsonencode([
    {
      name      = "close"
      image     = aws_ecr_repository.cron.repository_url
      essential = true
      command   = ["ledger", "close-day"]
    }
  ])
}

resource "aws_ecs_task_definition" "hourly_sync" {
  family                   = "ledger-hourly-sync"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::264190375508:role/ledger-execution"

  container_definitions = jsonencode([
    {
      name      = "sync"
      image     = "${aws_ecr_repository.cron.repository_url}:${var.release}"
      essential = true
      command   = ["ledger", "sync"]
    }
  ])
}
