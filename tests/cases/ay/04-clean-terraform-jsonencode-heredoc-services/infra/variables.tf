variable "image_tag" {
  type        = string
  description = "Git SHA of the image to run"
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

variable "cart_blue_target_group_arn" {
  type = string
}
