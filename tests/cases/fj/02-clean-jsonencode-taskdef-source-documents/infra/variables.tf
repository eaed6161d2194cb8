variable "image_tag" {
  description = "Image tag of the checkout container; CI registers new revisions, Terraform only the first one."
  type        = string
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
