variable "environment" {
  description = "Plain environment variables for the web container"
  type        = map(string)
  default = {
    RAILS_ENV       = "production"
    RAILS_LOG_LEVEL = "info"
    SESSION_SECRET  = "c9f1e8a2b7d44f0e93a6b1c5d8e2f7a4b3c6d9e1f2a5b8c7"
  }
}

variable "db_password_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:us-east-1:210987654321:secret:storefront/db-password-Qx81Lm"
}

locals {
  environment = merge(var.environment, {
    PORT     = "3000"
    DB_HOST  = "storefront.cluster-cz1x0abcd.us-east-1.rds.amazonaws.com"
  })
}

resource "aws_ecs_task_definition" "web" {
  family                   = "storefront-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::210987654321:role/storefront-execution"
  task_role_arn            = "arn:aws:iam::210987654321:role/storefront-task"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "210987654321.dkr.ecr.us-east-1.amazonaws.com/storefront:7c41e9d"
      essential = true
      portMappings = [{ containerPort = 3000 }]
      environment = [for k, v in local.environment : { name = k, value = v }]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = var.db_password_secret_arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/storefront"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "web"
        }
      }
    }
  ])
}
