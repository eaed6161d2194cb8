resource "aws_ecs_cluster" "heron" {
  name = "heron"

  setting {
    name  = "containerInsights"
    value = "enabled"
}
