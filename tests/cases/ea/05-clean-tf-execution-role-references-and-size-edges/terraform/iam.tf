data "aws_iam_role" "ecs_task_execution" {
  name = "ecsTaskExecutionRole"
}

module "ecs_task_execution_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "5.39.0"

  create_role             = true
  role_name               = "ledger-ecs-execution"
  role_requires_mfa       = false
  trusted_role_services   = ["ecs-tasks.amazonaws.com"]
  custom_role_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}
