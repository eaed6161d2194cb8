variable "name" {
  description = "Name of the IAM role GitHub Actions assumes."
  type        = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "repositories" {
  description = "OWNER/REPO list whose workflows may assume the role (protect production with environment rules)."
  type        = list(string)
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
