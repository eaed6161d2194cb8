terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_db_instance" "ingest" {
  identifier              = "ingest-prod"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  db_name                 = "ingest"
  username                = "ingest"
  password                = random_password.db.result
  db_subnet_group_name    = var.db_subnet_group
  vpc_security_group_ids  = [var.db_security_group_id]
  backup_retention_period = 7
  skip_final_snapshot     = false
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/ingest-worker"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "ingest-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = templatefile("${path.module}/templates/worker.json.tftpl", {
    image                 = "${var.ecr_repository_url}:${var.image_tag}"
    region                = var.region
    log_group             = aws_cloudwatch_log_group.worker.name
    queue_url             = var.queue_url
    db_host               = aws_db_instance.ingest.address
    db_password           = random_password.db.result
    clickhouse_host       = var.clickhouse_host
    segment_write_key_arn = var.segment_write_key_arn
  })
}
