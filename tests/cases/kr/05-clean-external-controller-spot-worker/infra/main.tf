terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

variable "public_subnet_ids" {
  description = "The media VPC has no NAT gateway; workers pull from ECR over public IPs."
  type        = list(string)
}

variable "worker_sg_id" {
  type = string
}

resource "aws_ecs_cluster" "media" {
  name = "media"
}

resource "aws_ecs_cluster_capacity_providers" "media" {
  cluster_name       = aws_ecs_cluster.media.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_iam_role" "transcoder_execution" {
  name = "media-transcoder-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "transcoder_execution" {
  role       = aws_iam_role.transcoder_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "transcoder_task" {
  name = "media-transcoder-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "transcoder" {
  family                   = "media-transcoder"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "8192"
  memory                   = "20480"
  execution_role_arn       = aws_iam_role.transcoder_execution.arn
  task_role_arn            = aws_iam_role.transcoder_task.arn
  container_definitions    = file("${path.module}/containers/worker.json")

  ephemeral_storage {
    size_in_gib = 100
  }
}

# Three workers at most: the licence server accepts three sessions.
resource "aws_ecs_service" "transcoder" {
  name            = "media-transcoder"
  cluster         = aws_ecs_cluster.media.id
  task_definition = aws_ecs_task_definition.transcoder.arn
  desired_count   = 3

  deployment_minimum_healthy_percent = 66
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 4
  }

  network_configuration {
    subnets          = var.public_subnet_ids
    security_groups  = [var.worker_sg_id]
    assign_public_ip = true
  }
}

# Task sets of this service are created by the in-house "shipper" tool
# (CreateTaskSet / UpdateServicePrimaryTaskSet), which does its own canaries.
resource "aws_ecs_service" "edge_proxy" {
  name          = "edge-proxy"
  cluster       = aws_ecs_cluster.media.id
  desired_count = 2

  deployment_controller {
    type = "EXTERNAL"
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
