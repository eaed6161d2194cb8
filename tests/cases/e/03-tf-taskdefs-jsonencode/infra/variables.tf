variable "image_tag" {
  type        = string
  description = "Image tag to deploy"
  default     = "latest"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
