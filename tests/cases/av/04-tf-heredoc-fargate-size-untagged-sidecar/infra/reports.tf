locals {
  region  = "ap-southeast-1"
  account = "590183746201"
}

variable "image_tag" {
  type = string
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::${local.account}:role/reports-execution"
  task_role_arn            = "arn:aws:iam::${local.account}:role/reports-task"

  container_definitions = <<DEFINITION
[
  {
    "name": "reports",
    "image": "${local.account}.dkr.ecr.${local.region}.amazonaws.com/reports:${var.image_tag}",
    "essential": true,
    "portMappings": [
      { "containerPort": 8000, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4317" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/reports",
        "awslogs-region": "${local.region}",
        "awslogs-stream-prefix": "reports"
      }
    }
  },
  {
    "name": "otel-collector",
    "image": "public.ecr.aws/aws-observability/aws-otel-collector",
    "essential": false,
    "command": ["--config=/etc/ecs/ecs-default-config.yaml"],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/reports",
        "awslogs-region": "${local.region}",
        "awslogs-stream-prefix": "otel"
      }
    }
  }
]
DEFINITION
}

resource "aws_ecs_task_definition" "reports_batch" {
  family                   = "reports-batch"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  cpu                      = "1024"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::${local.account}:role/reports-execution"

  container_definitions = <<-EOT
    [
      {
        "name": "batch",
        "image": "${local.account}.dkr.ecr.${local.region}.amazonaws.com/reports:${var.image_tag}",
        "essential": true,
        "command": ["python", "-m", "reports.batch"],
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "/ecs/reports-batch",
            "awslogs-region": "${local.region}",
            "awslogs-stream-prefix": "batch"
          }
        }
      }
    ]
  EOT
}
