data "aws_iam_role" "ecs_task_execution" {
  name = "ecsTaskExecutionRole"
}

module "ecs_task_execution_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "~> 5.48"

  create_role             = true
  role_name               = "catalog-${var.environment}-execution"
  role_requires_mfa       = false
  trusted_role_services   = ["ecs-tasks.amazonaws.com"]
  custom_role_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

resource "aws_iam_role" "reindex" {
  name = "catalog-${var.environment}-reindex"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
