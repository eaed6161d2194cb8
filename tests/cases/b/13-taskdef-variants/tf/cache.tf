resource "aws_ecs_task_definition" "cache" {
  family                   = "kingfisher-cache"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name         = "redis"
      image        = "redis"
      memory       = 512
      essential    = true
      portMappings = [{ containerPort = 6379, hostPort = 6379 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/kingfisher-cache"
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "redis"
        }
      }
    }
  ])
}
