variable "role_name" {
  description = "Name of the IAM role GitHub Actions assumes."
  type        = string
}

variable "repository" {
  description = "GitHub repository in OWNER/REPO form."
  type        = string
}

variable "environments" {
  description = "GitHub environments whose jobs may assume the role."
  type        = list(string)
}

variable "oidc_provider_arn" {
  description = "ARN of the account's GitHub OIDC provider."
  type        = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "service_arns" {
  type = list(string)
}

variable "pass_role_arns" {
  description = "Execution and task roles the task definitions name."
  type        = list(string)
}
