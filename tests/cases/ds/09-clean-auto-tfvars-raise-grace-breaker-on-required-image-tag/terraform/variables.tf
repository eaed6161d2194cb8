variable "aws_region" {
  type    = string
  default = "us-west-2"
}

variable "ecr_repository_url" {
  type    = string
  default = "215803694127.dkr.ecr.us-west-2.amazonaws.com/report-api"
}

variable "image_tag" {
  description = "Image tag to deploy; CI passes the commit SHA"
  type        = string
}

variable "desired_count" {
  type    = number
  default = 1
}

variable "health_check_grace_period" {
  type    = number
  default = 60
}

variable "enable_circuit_breaker" {
  type    = bool
  default = false
}

variable "cpu" {
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "target_group_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
