variable "redis_auth_token" {
  type      = string
  sensitive = true
}

variable "mongo_password" {
  type      = string
  sensitive = true
}

variable "worker_count" {
  type    = number
  default = 2
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "tally-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "8 GB"
  execution_role_arn       = "arn:aws:iam::263748195027:role/tally-worker-execution"

  container_definitions = <<DEFS
[
  {
    "name": "worker",
    "image": "263748195027.dkr.ecr.${var.region}.amazonaws.com/tally-worker:4.2.0",
    "essential": true,
    "environment": [
      { "name": "REDIS_URL", "value": "rediss://:${var.redis_auth_token}@tally-cache.x1b2c3.ng.0001.apse2.cache.amazonaws.com:6379/0" },
      { "name": "MONGO_URI", "value": "mongodb+srv://tally:${var.mongo_password}@tally.q8w7e.mongodb.net/ledger" },
      { "name": "PASSWORD_MIN_LENGTH", "value": "12" },
      { "name": "OAUTH_TOKEN_URL", "value": "https://auth.tally.example/oauth2/token" }
    ]
  }
]
DEFS
}

resource "aws_ecs_service" "worker" {
  name            = "tally-worker"
  cluster         = "tally-prod"
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = var.worker_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_configuration {
    strategy = "ROLLING"
  }

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }
}
