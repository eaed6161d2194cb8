resource "aws_cloudwatch_log_group" "notifier" {
  name              = "/ecs/notifier"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "notifier" {
  family                   = "notifier"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::458203917764:role/notifier-execution"
  task_role_arn            = "arn:aws:iam::458203917764:role/notifier-task"

  container_definitions = file("${path.module}/containers/notifier.json")
}

resource "aws_ecs_service" "notifier" {
  name            = "notifier"
  cluster         = "arn:aws:ecs:eu-west-2:458203917764:cluster/ops"
  task_definition = aws_ecs_task_definition.notifier.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = ["subnet-0f3a5c7e9b1d2f468", "subnet-02b4d6f8a0c1e3a57"]
    security_groups  = ["sg-0e2c4a6b8d0f1a3c5"]
    assign_public_ip = false
  }
}
