resource "aws_cloudwatch_metric_alarm" "web_5xx" {
  alarm_name          = "lumen-web-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"

  dimensions = {
    TargetGroup  = "targetgroup/lumen-web/6b0e3d9a2c71f854"
    LoadBalancer = "app/lumen-public/0f4a7c2e9d13b586"
  }
}

resource "aws_ecs_service" "web" {
  name            = "lumen-web"
  cluster         = local.cluster_arn
  task_definition = "lumen-web"
  desired_count   = 4
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  # Roll back when the 5xx alarm fires during a deploy.
  alarms {
    alarm_names = [aws_cloudwatch_metric_alarm.web_5xx.alarm_name]
    enable      = true
    rollback    = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-2:372615098441:targetgroup/lumen-web/6b0e3d9a2c71f854"
    container_name   = "web"
    container_port   = 3000
  }

  network_configuration {
    subnets          = local.private_subnets
    security_groups  = ["sg-0d6a1e9c4b27f3805"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
