variable "name" {
  description = "Name of the IAM role GitHub Actions assumes."
  type        = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "repository" {
  description = "OWNER/REPO allowed to assume the role."
  type        = string
}

variable "branches" {
  description = "Branches whose jobs (without an environment) may assume the role."
  type        = list(string)
  default     = []
}

variable "environments" {
  description = "GitHub environments whose jobs may assume the role."
  type        = list(string)
  default     = []
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "ecr_repositories" {
  type    = list(string)
  default = []
}

variable "cluster_name" {
  type = string
}

variable "service_names" {
  type = list(string)
}

variable "pass_role_names" {
  description = "Execution and task roles of the task definitions the role registers."
  type        = list(string)
}
