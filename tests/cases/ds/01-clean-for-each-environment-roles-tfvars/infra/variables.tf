variable "aws_region" {
  type    = string
  default = "eu-central-1"
}

variable "aws_account_id" {
  type = string
}

variable "github_repository" {
  description = "OWNER/REPO of the application repository"
  type        = string
}

variable "service_name" {
  type    = string
  default = "ledger-api"
}

variable "environments" {
  description = "GitHub environment name => the ECS cluster it deploys to"
  type = map(object({
    cluster       = string
    desired_count = optional(number, 2)
  }))
  default = {
    staging = { cluster = "ledger-staging" }
  }
}

variable "private_subnet_ids" {
  type    = list(string)
  default = []
}

variable "target_group_arns" {
  type    = map(string)
  default = {}
}
