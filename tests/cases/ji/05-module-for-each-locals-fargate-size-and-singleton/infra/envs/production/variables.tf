variable "image_tag" {
  description = "Release tag, passed by the deploy pipeline."
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "services_security_group_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}
