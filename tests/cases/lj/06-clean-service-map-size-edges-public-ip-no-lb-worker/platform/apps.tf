data "aws_ecs_cluster" "geo" {
  cluster_name = var.cluster_name
}

module "app" {
  source   = "./modules/ecs-app"
  for_each = var.apps

  name          = each.key
  cluster_arn   = data.aws_ecs_cluster.geo.arn
  image         = "${var.ecr_registry}/${each.key}:${each.value.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired

  min_healthy_percent = each.value.rollout.min_healthy_percent
  max_percent         = each.value.rollout.max_percent
  load_balancer       = each.value.load_balancer

  # The egress proxy has no NAT path: it lives in the public subnets.
  subnet_ids         = each.value.public ? var.public_subnet_ids : var.private_subnet_ids
  assign_public_ip   = each.value.public
  security_group_ids = [var.security_group_id]
}
