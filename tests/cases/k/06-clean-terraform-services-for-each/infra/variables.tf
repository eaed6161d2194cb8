variable "cluster_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "grace_period_seconds" {
  type    = number
  default = 90
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the image to deploy"
}
