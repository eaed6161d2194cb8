variable "image_tag" {
  type        = string
  description = "Commit SHA built by CI"
}

variable "region" {
  type    = string
  default = "eu-west-3"
}

data "aws_caller_identity" "current" {}

resource "aws_ecr_repository" "web" {
  name                 = "atelier-web"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "atelier-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/atelier-ecs-execution"
  task_role_arn            = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/atelier-web-task"

  container_definitions = templatefile("${path.module}/templates/web.json.tpl", {
    image          = "${aws_ecr_repository.web.repository_url}:${var.image_tag}"
    region         = var.region
    log_group      = "/ecs/atelier-web"
    master_key_arn = "arn:aws:secretsmanager:${var.region}:${data.aws_caller_identity.current.account_id}:secret:atelier/rails-master-key-Hk21Pq"
  })
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "atelier-worker"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  execution_role_arn       = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/atelier-ecs-execution"
  container_definitions    = file("${path.module}/containers/worker.json")
}
