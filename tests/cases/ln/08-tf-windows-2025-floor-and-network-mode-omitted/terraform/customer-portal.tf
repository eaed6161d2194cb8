resource "aws_ecs_task_definition" "customer_portal" {
  family                   = "freight-customer-portal"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4 vCPU"
  memory                   = "30 GB"
  execution_role_arn       = data.aws_iam_role.ecs_execution.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_FULL"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name         = "portal"
      image        = "583920174655.dkr.ecr.us-east-1.amazonaws.com/customer-portal:2025.06.14-ltsc2022"
      essential    = true
      portMappings = [{ containerPort = 443, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/freight-customer-portal"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "portal"
        }
      }
    }
  ])
}
