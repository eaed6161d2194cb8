variable "release" {
  description = "Image tag (git SHA) to deploy"
  type        = string
}

variable "region" {
  type    = string
  default = "us-east-1"
}
