output "deploy_role_arns" {
  description = "Set these as the DEPLOY_ROLE_ARN variable of each GitHub environment"
  value       = { for env, role in aws_iam_role.deploy : env => role.arn }
}

output "deploy_role_names" {
  description = "Role names without their path"
  value       = { for env, role in aws_iam_role.deploy : env => provider::aws::trim_iam_role_path(role.arn) }
}
