variable "account_id" {
  type = string
}

variable "region" {
  type    = string
  default = "us-east-2"
}

variable "bootstrap_image_tag" {
  description = "Commit the first task definition revision runs; GitHub Actions deploys the later ones."
  type        = string
}

variable "target_group_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}
