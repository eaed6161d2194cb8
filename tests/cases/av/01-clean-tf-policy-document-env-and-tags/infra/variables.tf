variable "github_org" {
  type    = string
  default = "northwind-labs"
}

variable "github_repo" {
  type    = string
  default = "inventory-api"
}

variable "aws_region" {
  type    = string
  default = "eu-west-1"
}

variable "image_tag" {
  description = "Git SHA of the image to run; set by the pipeline"
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

variable "service_security_group_id" {
  type = string
}
