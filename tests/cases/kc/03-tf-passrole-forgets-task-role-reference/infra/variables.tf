variable "region" {
  type    = string
  default = "us-east-2"
}

variable "image_repository" {
  type    = string
  default = "590231847716.dkr.ecr.us-east-2.amazonaws.com/intake-api"
}

variable "image_tag" {
  type    = string
  default = "2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c"
}
