variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "github_owner" {
  type = string
}

variable "github_repository" {
  description = "Repository name without the owner."
  type        = string
}

variable "environments" {
  description = "GitHub environments whose jobs may assume the role."
  type        = list(string)
}

variable "ecs_cluster_arn" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}
