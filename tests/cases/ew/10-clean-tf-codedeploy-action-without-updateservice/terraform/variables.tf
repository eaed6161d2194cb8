variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "codedeploy_service_role_arn" {
  type = string
}

variable "prod_listener_arn" {
  type = string
}
