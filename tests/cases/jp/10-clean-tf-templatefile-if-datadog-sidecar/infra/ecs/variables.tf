variable "env" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "image_tag" {
  description = "Commit SHA; the deploy workflow passes -var image_tag=$GITHUB_SHA."
  type        = string
}

variable "cpu" {
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "enable_datadog" {
  type    = bool
  default = false
}
