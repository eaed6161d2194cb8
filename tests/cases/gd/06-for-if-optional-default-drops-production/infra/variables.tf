variable "aws_region" {
  type    = string
  default = "eu-west-2"
}

variable "aws_account_id" {
  type = string
}

variable "github_repository" {
  type = string
}

variable "environments" {
  description = "Deployment environments of checkout-api, keyed by GitHub environment name"
  type = map(object({
    cluster       = string
    desired_count = optional(number, 2)
    github_deploy = optional(bool, false)
  }))
}
