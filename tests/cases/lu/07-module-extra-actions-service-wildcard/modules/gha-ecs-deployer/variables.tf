variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "github_repository" {
  description = "OWNER/REPO allowed to assume the role"
  type        = string
}

variable "github_environment" {
  type    = string
  default = "production"
}

variable "ecr_repository" {
  type = string
}

variable "cluster" {
  type = string
}

variable "task_role_names" {
  type = list(string)
}

variable "extra_actions" {
  description = "Additional actions granted on the cluster's resources"
  type        = list(string)
  default     = []
}
