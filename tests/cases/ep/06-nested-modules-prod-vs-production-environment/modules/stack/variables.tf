variable "app" {
  type = string
}

variable "environment" {
  description = "Short environment name used in AWS resource names and as the GitHub environment."
  type        = string
}

variable "github_repository" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "cpu" {
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "vpc" {
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
}
