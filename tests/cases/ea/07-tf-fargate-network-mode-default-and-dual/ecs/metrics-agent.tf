# Host-level metrics agent: one per container instance (DAEMON service), EC2 only.
resource "aws_ecs_task_definition" "metrics_agent" {
  family                   = "metrics-agent"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = jsonencode([
    {
      name      = "agent"
      image     = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:1.300049.1b929"
      memory    = 256
      essential = true
      mountPoints = [
        { sourceVolume = "proc", containerPath = "/rootfs/proc", readOnly = true },
      ]
    }
  ])

  volume {
    name      = "proc"
    host_path = "/proc"
  }
}
