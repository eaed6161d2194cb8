variable "github_app_private_key" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "warehouse_dsn" {
  name  = "/jobs/warehouse-dsn"
  type  = "SecureString"
  value = "changeme"
}

resource "aws_ecs_task_definition" "export" {
  family                   = "warehouse-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = "arn:aws:iam::905516273840:role/warehouse-export-task"

  container_definitions = jsonencode([
    {
      name      = "export"
      image     = "905516273840.dkr.ecr.us-west-2.amazonaws.com/warehouse-export:0.9.4"
      essential = true
      secrets = [
        { name = "WAREHOUSE_DSN", valueFrom = aws_ssm_parameter.warehouse_dsn.arn }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "cleanup" {
  family                   = "warehouse-cleanup"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  task_role_arn            = "arn:aws:iam::905516273840:role/warehouse-export-task"

  container_definitions = jsonencode([
    {
      name        = "cleanup"
      image       = "905516273840.dkr.ecr.us-west-2.amazonaws.com/warehouse-export:0.9.4"
      essential   = true
      command     = ["export", "--cleanup", "--older-than", "30d"]
      environment = []
      secrets     = []
    }
  ])
}

resource "aws_ecs_task_definition" "release_bot" {
  family                   = "release-bot"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::905516273840:role/release-bot-execution"

  container_definitions = <<EOT
[
  {
    "name": "bot",
    "image": "905516273840.dkr.ecr.us-west-2.amazonaws.com/release-bot:3.1.0",
    "essential": true,
    "environment": [
      { "name": "GITHUB_APP_ID", "value": "284113" },
      { "name": "GITHUB_APP_PRIVATE_KEY", "value": "${var.github_app_private_key}" }
    ]
  }
]
EOT
}
