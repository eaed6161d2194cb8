# Runs on the Windows EC2 capacity provider next to the EDI gateway hosts.
resource "aws_ecs_task_definition" "edi_poller" {
  family                   = "freight-edi-poller"
  requires_compatibilities = ["EC2"]
  execution_role_arn       = data.aws_iam_role.ecs_execution.arn

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "edi-poller"
      image     = "583920174655.dkr.ecr.us-east-1.amazonaws.com/edi-poller:1.19.0-ltsc2022"
      essential = true
      cpu       = 512
      memory    = 1536
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/freight-edi-poller"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "poller"
        }
      }
    }
  ])
}
