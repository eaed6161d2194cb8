variable "api_deploy_role_name" {
  type = string
}

variable "worker_deploy_role_name" {
  type = string
}
