variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "bootstrap_image_tag" {
  description = "Tag Terraform registers; CI renders the real image on top of this revision."
  type        = string
  default     = "bootstrap"
}

variable "desired_count" {
  type    = number
  default = 2
}
