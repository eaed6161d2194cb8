variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "github_repository" {
  type    = string
  default = "larkspur-health/clinic-scheduler"
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the image to run; set by the release pipeline."
}
