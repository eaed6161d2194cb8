variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "image" {
  description = "Image the service starts with; later releases come from the deploy workflow."
  type        = string
}

variable "github_subjects" {
  type = list(string)
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
