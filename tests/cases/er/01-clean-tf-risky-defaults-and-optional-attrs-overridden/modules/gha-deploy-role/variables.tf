variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

# Any repository of the org by default; every environment narrows it to its own
# GitHub environment.
variable "github_subjects" {
  type    = list(string)
  default = ["repo:tallowbrook/*"]
}

variable "ecr_repository_arn" {
  type = string
}

variable "task_definition_family" {
  type = string
}

variable "service_arns" {
  type = list(string)
}

variable "pass_role_arns" {
  type = list(string)
}

variable "aws_region" {
  type = string
}

variable "account_id" {
  type = string
}
