output "deploy_role_arn" {
  value = module.deploy_role.role_arn
}

output "service_name" {
  value = module.service.service_name
}
