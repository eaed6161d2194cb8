variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "github_subjects" {
  type = list(string)
}

variable "repository_arn" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_names" {
  type = list(string)
}

variable "task_families" {
  type = list(string)
}

variable "pass_role_arns" {
  type = list(string)
}

variable "region" {
  type = string
}

variable "account_id" {
  type = string
}
