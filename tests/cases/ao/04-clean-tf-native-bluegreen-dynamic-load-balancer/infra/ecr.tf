resource "aws_ecr_repository" "scheduling" {
  name                 = "scheduling"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecs_cluster" "main" {
  name = "scheduling"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ssm_parameter" "database_url" {
  name  = "/scheduling/production/database-url"
  type  = "SecureString"
  value = "placeholder"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_secretsmanager_secret" "rails" {
  name = "scheduling/production/rails"
}
