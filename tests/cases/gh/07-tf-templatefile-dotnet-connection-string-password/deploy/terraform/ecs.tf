data "aws_caller_identity" "this" {}

locals {
  account_id = data.aws_caller_identity.this.account_id
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders-${var.environment}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 3072
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/orders-${var.environment}-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/orders-${var.environment}-task"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = templatefile("${path.module}/templates/orders-containers.json.tftpl", {
    image       = "${local.account_id}.dkr.ecr.${var.aws_region}.amazonaws.com/orders:${var.image_tag}"
    environment = var.environment
    region      = var.aws_region
    account_id  = local.account_id
    db_host     = var.db_host
    db_password = var.db_password
    redis_host  = var.redis_host
  })
}
