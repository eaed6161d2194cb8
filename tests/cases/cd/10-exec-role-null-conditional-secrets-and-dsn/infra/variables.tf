variable "create_execution_role" {
  description = "Create the task execution role (needed for secrets and private images)"
  type        = bool
  default     = false
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "stripe_api_key" {
  description = "Only for local stacks; production reads it from Secrets Manager"
  type        = string
  default     = ""
}

variable "image_tag" {
  type = string
}
