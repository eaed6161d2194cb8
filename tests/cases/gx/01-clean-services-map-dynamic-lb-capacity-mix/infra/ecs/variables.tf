variable "environment" {
  type    = string
  default = "production"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}

variable "bootstrap_tag" {
  description = "Tag of the image Terraform registers first; CI registers every later revision."
  type        = string
  default     = "bootstrap"
}
