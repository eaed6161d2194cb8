# The gateway runs on EC2 in prod and on Fargate in the preview environments.
resource "aws_ecs_task_definition" "gateway" {
  family                   = "gateway"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "bridge"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.ecs_execution.arn

  container_definitions = jsonencode([
    {
      name         = "gateway"
      image        = "${aws_ecr_repository.gateway.repository_url}:${var.release}"
      essential    = true
      portMappings = [{ containerPort = 8443, hostPort = 0, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/gateway"
          awslogs-region        = var.region
          awslogs-stream-prefix = "gateway"
        }
      }
    }
  ])
}
