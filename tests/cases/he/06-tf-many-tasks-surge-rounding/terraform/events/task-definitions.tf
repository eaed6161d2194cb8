locals {
  image_tag = var.image_tag
  services = {
    ingest = { cpu = 1024, memory = 2048, port = 9090 }
    api    = { cpu = 1024, memory = 3072, port = 8080 }
    fanout = { cpu = 512, memory = 1024, port = 9090 }
    replay = { cpu = 2048, memory = 4096, port = 9090 }
  }
}

variable "image_tag" {
  type        = string
  description = "Commit SHA built by CI"
}

resource "aws_ecs_task_definition" "ingest" {
  family                   = "events-ingest"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.services.ingest.cpu
  memory                   = local.services.ingest.memory
  execution_role_arn       = "arn:aws:iam::845120937461:role/events-execution"
  container_definitions = jsonencode([{
    name         = "events-ingest"
    image        = "845120937461.dkr.ecr.eu-west-1.amazonaws.com/events-ingest:${local.image_tag}"
    essential    = true
    portMappings = [{ containerPort = local.services.ingest.port }]
  }])
}

resource "aws_ecs_task_definition" "api" {
  family                   = "events-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.services.api.cpu
  memory                   = local.services.api.memory
  execution_role_arn       = "arn:aws:iam::845120937461:role/events-execution"
  container_definitions = jsonencode([{
    name         = "events-api"
    image        = "845120937461.dkr.ecr.eu-west-1.amazonaws.com/events-api:${local.image_tag}"
    essential    = true
    portMappings = [{ containerPort = local.services.api.port }]
  }])
}

resource "aws_ecs_task_definition" "fanout" {
  family                   = "events-fanout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.services.fanout.cpu
  memory                   = local.services.fanout.memory
  execution_role_arn       = "arn:aws:iam::845120937461:role/events-execution"
  container_definitions = jsonencode([{
    name         = "events-fanout"
    image        = "845120937461.dkr.ecr.eu-west-1.amazonaws.com/events-fanout:${local.image_tag}"
    essential    = true
    portMappings = [{ containerPort = local.services.fanout.port }]
  }])
}

resource "aws_ecs_task_definition" "replay" {
  family                   = "events-replay"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.services.replay.cpu
  memory                   = local.services.replay.memory
  execution_role_arn       = "arn:aws:iam::845120937461:role/events-execution"
  container_definitions = jsonencode([{
    name         = "events-replay"
    image        = "845120937461.dkr.ecr.eu-west-1.amazonaws.com/events-replay:${local.image_tag}"
    essential    = true
    portMappings = [{ containerPort = local.services.replay.port }]
  }])
}
