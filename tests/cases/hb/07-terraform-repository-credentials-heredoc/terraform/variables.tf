variable "execution_role_arn" {
  type        = string
  description = "Task execution role; set per environment in terraform.tfvars"
  default     = null
}

variable "task_role_arn" {
  type    = string
  default = null
}

variable "ghcr_credentials_arn" {
  type    = string
  default = "arn:aws:secretsmanager:ap-southeast-2:356120984471:secret:ghcr/brightpath-readonly-b3Nw0Q"
}
