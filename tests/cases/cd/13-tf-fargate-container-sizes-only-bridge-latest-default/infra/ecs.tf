variable "image_tag" {
  type    = string
  default = "latest"
}

variable "cron_image_tag" {
  type = string
}

resource "aws_ecr_repository" "reports" {
  name = "reports"
}

resource "aws_ecs_task_definition" "report_worker" {
  family                   = "report-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  execution_role_arn       = "arn:aws:iam::519283746012:role/reports-execution"
  task_role_arn            = "arn:aws:iam::519283746012:role/reports-task"

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "${aws_ecr_repository.reports.repository_url}:${var.image_tag}"
      cpu       = 512
      memory    = 1024
      essential = true
      command   = ["celery", "-A", "reports", "worker", "-Q", "reports"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/report-worker"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "worker"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "pdf_renderer" {
  family                   = "pdf-renderer"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "bridge"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::519283746012:role/reports-execution"

  container_definitions = jsonencode([
    {
      name         = "renderer"
      image        = "519283746012.dkr.ecr.us-east-2.amazonaws.com/pdf-renderer:2.14.1"
      essential    = true
      portMappings = [{ containerPort = 3000, hostPort = 0 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/pdf-renderer"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "renderer"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "report_cron" {
  family                   = "report-cron"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  execution_role_arn       = "arn:aws:iam::519283746012:role/reports-execution"

  container_definitions = jsonencode([
    {
      name              = "cron"
      image             = "${aws_ecr_repository.reports.repository_url}:${var.cron_image_tag}"
      memoryReservation = 256
      essential         = true
      command           = ["python", "-m", "reports.nightly"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/report-cron"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "cron"
        }
      }
    }
  ])
}
