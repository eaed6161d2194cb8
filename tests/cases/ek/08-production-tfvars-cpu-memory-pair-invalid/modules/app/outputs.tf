output "deploy_role_arn" {
  value = aws_iam_role.github_deploy.arn
}

output "service_name" {
  value = aws_ecs_service.app.name
}

output "task_family" {
  value = aws_ecs_task_definition.app.family
}
