resource "aws_iam_role" "cron_execution" {
  name = "wren-cron-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "nightly_export" {
  family                   = "wren-nightly-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 4096
  execution_role_arn       = aws_iam_role.cron_execution.arn

  container_definitions = <<EOF
[
  {
    "name": "export",
    "image": "661820394715.dkr.ecr.eu-central-1.amazonaws.com/wren-export:1.2.9",
    "essential": true,
    "secrets": [
      {"name": "WAREHOUSE_PASSWORD", "valueFrom": "arn:aws:ssm:eu-central-1:661820394715:parameter/wren/warehouse-password"}
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/wren-export",
        "awslogs-region": "eu-central-1",
        "awslogs-stream-prefix": "export"
      }
    }
  }
]
EOF
}

resource "aws_ecs_task_definition" "hourly_sync" {
  family                   = "wren-hourly-sync"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = <<-DEFS
    [
      {
        "name": "sync",
        "image": "661820394715.dkr.ecr.eu-central-1.amazonaws.com/wren-sync:4.0.1",
        "memory": 256,
        "essential": true,
        "secrets": [
          {"name": "CRM_API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-central-1:661820394715:secret:wren/crm-api-key-Ab12Cd"}
        ]
      }
    ]
  DEFS
}
