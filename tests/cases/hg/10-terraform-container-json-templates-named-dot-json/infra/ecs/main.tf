terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_ecr_repository" "worker" {
  name                 = "atlas-worker"
  image_tag_mutability = "MUTABLE"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/atlas-api"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/atlas-worker"
  retention_in_days = 30
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "atlas-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "api_task" {
  name               = "atlas-api-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

# The API's containers are plain JSON (CI replaces the image on deploy).
resource "aws_ecs_task_definition" "api" {
  family                   = "atlas-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.api_task.arn
  container_definitions    = file("${path.module}/containers/api.json")
}

# The worker's containers are a template: numbers are interpolated unquoted.
resource "aws_ecs_task_definition" "worker" {
  family                   = "atlas-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = templatefile("${path.module}/containers/worker.json", {
    repository_url     = aws_ecr_repository.worker.repository_url
    log_group          = aws_cloudwatch_log_group.worker.name
    region             = var.region
    concurrency        = var.worker_concurrency
    memory_reservation = 768
  })
}
