resource "aws_iam_policy" "ecs_update_service_policy" {
  name        = "ECSUpdateServicePolicy"
  description = "Policy to allow updating desired count of ECS service"

  policy = jsonencode({
    Version = "2012-10-17",
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecs:UpdateService"
        Resource = "arn:aws:ecs:${var.aws_region}:${data.aws_caller_identity.current.account_id}:service/${local.cluster_name}/*"
      }
    ]
  })
}
