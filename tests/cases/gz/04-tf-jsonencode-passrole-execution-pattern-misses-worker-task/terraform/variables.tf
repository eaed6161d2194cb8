variable "product" {
  description = "Product short name, used as the prefix of every resource"
  type        = string
  default     = "atlas"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "image_tag" {
  type    = string
  default = "2024.11.3"
}

variable "region" {
  type    = string
  default = "us-east-2"
}
