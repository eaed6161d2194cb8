output "github_deploy_role_arn" {
  value = aws_iam_role.github_deploy.arn
}

output "repository_url" {
  value = aws_ecr_repository.dispatch_api.repository_url
}
