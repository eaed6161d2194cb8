resource "aws_ecr_repository" "billing" {
  name                 = "tally-billing"
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecs_task_definition" "billing" {
  family                   = "tally-billing"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 3072
  task_role_arn            = "arn:aws:iam::263748195027:role/tally-billing-task"

  container_definitions = templatefile("${path.module}/templates/billing.json.tpl", {
    repository_url = aws_ecr_repository.billing.repository_url
    image_tag      = var.image_tag
    region         = var.region
    db_host        = "tally-db.cluster-cx81hf0qz2.ap-southeast-2.rds.amazonaws.com"
    db_password    = var.db_password
  })
}

resource "aws_ecs_service" "billing" {
  name            = "tally-billing"
  cluster         = "tally-prod"
  task_definition = aws_ecs_task_definition.billing.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 150

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "billing"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }
}
