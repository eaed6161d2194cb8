variable "environment" {
  description = "staging or production"
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "prod_listener_arn" {
  type = string
}

variable "test_listener_arn" {
  type = string
}

variable "image_tag" {
  description = "Tag of the bootstrap image; CodeDeploy replaces the task definition afterwards"
  type        = string
  default     = "2024.11.3"
}
