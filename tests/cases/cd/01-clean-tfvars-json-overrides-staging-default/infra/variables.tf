variable "deploy_environment" {
  description = "GitHub environment whose jobs may assume the deploy role"
  type        = string
  default     = "staging"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}
