variable "region" {
  type    = string
  default = "us-west-2"
}

variable "cluster_name" {
  type = string
}

variable "ecr_repository_url" {
  type = string
}

variable "image_tag" {
  description = "First image; the deploy workflow registers later revisions."
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
