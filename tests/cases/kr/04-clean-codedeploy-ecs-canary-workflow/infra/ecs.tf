locals {
  account_id = "310987654321"
  region     = "ap-southeast-2"
}

variable "bootstrap_image_tag" {
  description = "Tag used when Terraform first creates the task definition; CI registers later revisions."
  type        = string
  default     = "bootstrap"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_sg_id" {
  type = string
}

resource "aws_ecr_repository" "catalog" {
  name                 = "catalog"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "catalog" {
  name = "catalog"
}

resource "aws_iam_role" "execution" {
  name = "catalog-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name = "catalog-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "catalog" {
  family                   = "catalog"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name         = "catalog"
      image        = "${aws_ecr_repository.catalog.repository_url}:${var.bootstrap_image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "CATALOG_SEARCH_BACKEND", value = "opensearch" },
        { name = "GOMEMLIMIT", value = "3500MiB" },
      ]
      secrets = [
        { name = "OPENSEARCH_PASSWORD", valueFrom = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:catalog/opensearch-Hq2Lm9" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/catalog"
          awslogs-region        = local.region
          awslogs-stream-prefix = "catalog"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "catalog" {
  name                              = "catalog"
  cluster                           = aws_ecs_cluster.catalog.id
  task_definition                   = aws_ecs_task_definition.catalog.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.catalog["blue"].arn
    container_name   = "catalog"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer, desired_count]
  }
}
