variable "region" {
  type    = string
  default = "us-west-2"
}

variable "account_id" {
  type        = string
  description = "AWS account that hosts the service"
}

variable "github_repository" {
  type        = string
  description = "OWNER/REPO allowed to deploy"
}

variable "image_tag" {
  type        = string
  description = "Initial image tag; CI replaces it on every deploy"
  default     = "bootstrap-2024-10-02"
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "alb_listener_arn" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}
