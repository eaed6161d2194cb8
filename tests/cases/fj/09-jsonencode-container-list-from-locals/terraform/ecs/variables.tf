variable "release" {
  description = "Git SHA of the release to run; passed by the deploy pipeline."
  type        = string
}

variable "aws_region" {
  type    = string
  default = "us-east-2"
}
