variable "api_image" {
  description = "Full image URI with the commit SHA tag, set by the release pipeline"
  type        = string
}

variable "stripe_secret_key" {
  type      = string
  sensitive = true
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "api_security_group_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}
