resource "aws_ecs_service" "fluent_bit" {
  name                = "fluent-bit"
  cluster             = "platform-ec2"
  task_definition     = "fluent-bit:31"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.os-type == linux"
  }
}

resource "aws_ecs_service" "datadog_agent" {
  name                = "datadog-agent"
  cluster             = "platform-ec2"
  task_definition     = "datadog-agent:77"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = 0

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
