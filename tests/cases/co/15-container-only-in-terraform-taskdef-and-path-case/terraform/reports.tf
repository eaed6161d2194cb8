resource "aws_ecs_task_definition" "reports" {
  family                   = "reports"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::793344556688:role/reports-execution"
  task_role_arn            = "arn:aws:iam::793344556688:role/reports-task"

  container_definitions = jsonencode([
    {
      name      = "reports-api"
      image     = "793344556688.dkr.ecr.us-east-2.amazonaws.com/reports:4e1c9a7b2d8f3e6a0c5b9d2f7a1e4c8b3d6f0a2e"
      essential = true
      portMappings = [{ containerPort = 5000, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/reports"
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "reports-api"
        }
      }
    }
  ])

  lifecycle {
    ignore_changes = [container_definitions]
  }
}
