variable "db_password" {
  type      = string
  sensitive = true
}

variable "image_tag" {
  type = string
}

resource "random_password" "redis" {
  length  = 32
  special = false
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::250417386920:role/checkout-execution"
  task_role_arn            = "arn:aws:iam::250417386920:role/checkout-task"

  container_definitions = jsonencode([
    {
      name      = "checkout"
      image     = "250417386920.dkr.ecr.ap-southeast-2.amazonaws.com/checkout:${var.image_tag}"
      essential = true
      environment = [
        { name = "RAILS_ENV", value = "production" },
        { name = "DB_PASSWORD", value = var.db_password },
        { name = "DATABASE_URL", value = "postgres://checkout:${var.db_password}@${aws_db_instance.checkout.address}:5432/checkout" },
        { name = "REDIS_AUTH_TOKEN", value = random_password.redis.result },
        { name = "PARTNER_API_BEARER", value = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaGVja291dC1zdmMiLCJzY29wZSI6Im9yZGVyczp3cml0ZSIsImlhdCI6MTcxNzAwMDAwMH0.p3Vx8Qm2LkR7tN9wZb4Yc1Hd6Jf0Ge5Sa8Ui2Ko3Pq" },
        { name = "DB_HOST", value = aws_db_instance.checkout.address },
        { name = "TOKEN_TTL", value = "3600" },
        { name = "REDIS_AUTH_TOKEN_ENABLED", value = "true" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/checkout"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "checkout"
        }
      }
    }
  ])
}
