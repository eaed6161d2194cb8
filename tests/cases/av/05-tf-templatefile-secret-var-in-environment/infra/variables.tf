variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "image_tag" {
  type = string
}

variable "stripe_secret_key" {
  type      = string
  sensitive = true
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "blue_target_group_arn" {
  type = string
}
