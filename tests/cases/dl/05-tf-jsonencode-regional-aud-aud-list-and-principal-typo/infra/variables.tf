variable "aws_region" {
  type    = string
  default = "eu-central-1"
}

variable "github_org" {
  type    = string
  default = "tallow-commerce"
}
