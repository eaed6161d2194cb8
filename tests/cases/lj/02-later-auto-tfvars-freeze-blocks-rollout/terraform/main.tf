data "aws_caller_identity" "current" {}

data "aws_ecs_cluster" "this" {
  cluster_name = var.cluster_name
}

module "payments_gateway" {
  source = "./modules/service"

  name        = "payments-gateway"
  cluster_arn = data.aws_ecs_cluster.this.arn
  image       = "${data.aws_caller_identity.current.account_id}.dkr.ecr.eu-central-1.amazonaws.com/payments-gateway:${var.image_tag}"

  task_size = {
    cpu    = 1024
    memory = 3072
  }

  desired_count = var.desired_count
  rollout = {
    minimum_healthy_percent = var.min_healthy_percent
    maximum_percent         = var.max_percent
  }

  load_balancer = {
    target_group_arn = var.target_group_arn
    container_port   = 8443
  }

  subnet_ids         = var.subnet_ids
  security_group_ids = [var.task_security_group_id]
}
