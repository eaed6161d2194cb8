locals {
  account_id = "318640275194"
  region     = "us-east-2"
  name       = "ledger-api"
}

data "aws_ecs_cluster" "prod" {
  cluster_name = "quillon-prod"
}

resource "aws_security_group" "ledger_api" {
  name   = "ledger-api-tasks"
  vpc_id = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb_target_group" "ledger_api" {
  name        = "ledger-api"
  port        = 8000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_lb_listener_rule" "ledger_api" {
  listener_arn = var.alb_listener_arn
  priority     = 20

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ledger_api.arn
  }

  condition {
    host_header {
      values = ["ledger.quillon.io"]
    }
  }
}

module "ledger_api" {
  source = "./modules/ecs-service"

  name          = local.name
  cluster_arn   = data.aws_ecs_cluster.prod.arn
  image         = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/ledger-api:${var.image_tag}"
  cpu           = 1024
  memory        = 2048
  desired_count = var.desired_count

  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent

  target_group_arn                  = aws_lb_target_group.ledger_api.arn
  container_port                    = 8000
  health_check_grace_period_seconds = 120

  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.ledger_api.id]

  environment = {
    APP_ENV   = "production"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:us-east-2:318640275194:secret:ledger-api/prod/database-url-h7Q2pX"
  }
}
