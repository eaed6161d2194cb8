variable "region" {
  type    = string
  default = "eu-north-1"
}

variable "image_tag" {
  type    = string
  default = "9b1e4c7a2d8f6035b1c9e7a4d2f8b6c0e3a5d7f9"
}

variable "cluster_name" {
  type    = string
  default = "telemetry-staging"
}
