variable "environment" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "image_tag" {
  description = "Tag of the orders-app image for the first revision; CI registers later ones"
  type        = string
}

variable "db_host" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}
