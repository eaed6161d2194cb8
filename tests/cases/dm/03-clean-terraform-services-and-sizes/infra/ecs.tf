resource "aws_ecs_cluster" "main" {
  name = "quill-prod"
}

resource "aws_cloudwatch_log_group" "inference" {
  name              = "/ecs/quill-inference"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "inference" {
  family                   = "quill-inference"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 16384
  memory                   = 122880
  execution_role_arn       = "arn:aws:iam::706152438190:role/quill-inference-execution"
  task_role_arn            = "arn:aws:iam::706152438190:role/quill-inference-task"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "inference"
      image     = "${aws_ecr_repository.inference.repository_url}:${var.git_sha}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "MODEL_CACHE_DIR", value = "/models" },
        { name = "MAX_TOKENS", value = "4096" },
      ]
      secrets = [
        { name = "HF_TOKEN", valueFrom = "arn:aws:secretsmanager:ca-central-1:706152438190:secret:quill/hf-token-R2d9Kx" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.inference.name
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "inference"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "embedder" {
  family                   = "quill-embedder"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "8192"
  memory                   = "16384"
  execution_role_arn       = "arn:aws:iam::706152438190:role/quill-embedder-execution"
  container_definitions    = file("${path.module}/containers/embedder.json")
}

resource "aws_ecs_task_definition" "node_exporter" {
  family                   = "quill-node-exporter"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  container_definitions = jsonencode([
    {
      name              = "node-exporter"
      image             = "quay.io/prometheus/node-exporter:v1.8.2"
      essential         = true
      memoryReservation = 64
    }
  ])
}

resource "aws_ecs_service" "inference" {
  name                              = "quill-inference"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.inference.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.inference_target_group_arn
    container_name   = "inference"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "checkout" {
  name                              = "quill-checkout"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = "quill-checkout"
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.checkout_blue_target_group_arn
    container_name   = "checkout"
    container_port   = 3000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_ecs_service" "node_exporter" {
  name                = "quill-node-exporter"
  cluster             = aws_ecs_cluster.main.id
  task_definition     = aws_ecs_task_definition.node_exporter.arn
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = 0

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
