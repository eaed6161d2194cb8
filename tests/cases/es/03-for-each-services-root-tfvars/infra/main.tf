locals {
  registry = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com"
}

resource "aws_ecs_cluster" "dispatch" {
  name = "dispatch"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

module "service" {
  source   = "../modules/ecs-service"
  for_each = var.services

  name          = each.key
  region        = var.region
  cluster_arn   = aws_ecs_cluster.dispatch.arn
  image         = "${local.registry}/${each.key}:${each.value.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count

  container_port     = each.value.container_port
  execution_role_arn = "arn:aws:iam::${var.account_id}:role/dispatch-execution"
  task_role_arn      = "arn:aws:iam::${var.account_id}:role/${each.key}-task"

  environment = each.value.environment
  secrets     = each.value.secrets

  target_group_arn   = each.value.target_group_arn
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.services_security_group_id]
}
