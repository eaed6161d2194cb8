# Task definition for the routing API
resource "aws_ecs_task_definition" "routing" {
  family                   = "routing"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512  // numbers are fine here
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::662607015000:role/routing-execution"

  container_definitions = jsonencode([
    {
      name      = "routing"
      image     = "662607015000.dkr.ecr.sa-east-1.amazonaws.com/routing:8b1e44d"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/routing"
          "awslogs-region"        = "sa-east-1"
          "awslogs-stream-prefix" = "routing"
        }
      }
    }
  ])
}
