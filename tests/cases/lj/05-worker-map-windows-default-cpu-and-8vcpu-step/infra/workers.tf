data "aws_ecs_cluster" "docflow" {
  cluster_name = var.cluster_name
}

data "aws_sqs_queue" "worker" {
  for_each = var.workers
  name     = each.value.queue_name
}

module "worker" {
  source   = "./modules/queue-worker"
  for_each = var.workers

  name          = each.key
  cluster_arn   = data.aws_ecs_cluster.docflow.arn
  image         = "739104285561.dkr.ecr.us-east-1.amazonaws.com/docflow-${each.key}:${var.image_tag}"
  command       = each.value.command
  os_family     = each.value.os_family
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count
  queue_arn     = data.aws_sqs_queue.worker[each.key].arn

  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.worker_security_group_id]
}
