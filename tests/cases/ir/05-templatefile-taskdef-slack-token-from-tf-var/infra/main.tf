terraform {
  backend "s3" {
    bucket = "brackenridge-tfstate"
    key    = "notifier/production.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  account_id = "903184726150"
  region     = "us-east-1"
  name       = "notifier"
}

variable "image_tag" {
  type = string
}

variable "slack_bot_token" {
  description = "xoxb- token of the Slack app the notifier posts as."
  type        = string
  sensitive   = true
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0f3b5d7a9c1e2f468", "subnet-0a2c4e6f8b1d3a597"]
}

resource "aws_sqs_queue" "events" {
  name                       = "${local.name}-events"
  visibility_timeout_seconds = 120
}

resource "aws_cloudwatch_log_group" "notifier" {
  name              = "/ecs/${local.name}"
  retention_in_days = 30
}

resource "aws_security_group" "notifier" {
  name   = "${local.name}-tasks"
  vpc_id = "vpc-0c1e3a5b7d9f2e468"

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_task_definition" "notifier" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/notifier-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/notifier-task"

  container_definitions = templatefile("${path.module}/templates/notifier.json.tftpl", {
    image               = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/notifier:${var.image_tag}"
    region              = local.region
    log_group           = aws_cloudwatch_log_group.notifier.name
    queue_url           = aws_sqs_queue.events.url
    slack_bot_token     = var.slack_bot_token
    signing_secret_arn  = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:notifier/slack-signing-secret-b7Qe2N"
    sendgrid_secret_arn = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:notifier/sendgrid-api-key-Tz81cW"
  })
}

resource "aws_ecs_service" "notifier" {
  name            = local.name
  cluster         = "brackenridge-prod"
  task_definition = aws_ecs_task_definition.notifier.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.notifier.id]
    assign_public_ip = false
  }
}
