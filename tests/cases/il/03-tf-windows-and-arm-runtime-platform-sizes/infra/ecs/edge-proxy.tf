resource "aws_ecs_task_definition" "edge_proxy" {
  family                   = "edge-proxy"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 16384
  memory                   = 65536
  execution_role_arn       = aws_iam_role.ecs_execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "envoy"
      image     = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"
      essential = true
      portMappings = [
        { containerPort = 10000, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/edge-proxy"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "envoy"
        }
      }
    }
  ])
}
