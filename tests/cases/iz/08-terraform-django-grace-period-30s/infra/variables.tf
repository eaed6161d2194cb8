variable "private_subnet_ids" {
  type = list(string)
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the image to deploy"
}
