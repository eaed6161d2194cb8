resource "aws_cloudwatch_log_group" "tracker" {
  name              = "/ecs/tracker"
  retention_in_days 30
}
