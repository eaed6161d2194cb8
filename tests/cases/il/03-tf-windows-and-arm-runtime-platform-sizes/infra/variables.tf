variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "reports_image_tag" {
  type        = string
  description = "Image tag of the report server, set by the release pipeline (git SHA)."
}

variable "print_gateway_image_tag" {
  type        = string
  description = "Image tag of the print gateway, set by the release pipeline (git SHA)."
}
