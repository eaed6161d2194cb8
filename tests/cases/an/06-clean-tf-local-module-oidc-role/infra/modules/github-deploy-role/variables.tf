variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type        = string
  description = "ARN of the token.actions.githubusercontent.com provider"
}

variable "subjects" {
  type        = list(string)
  description = "Exact OIDC subjects allowed to assume the role, e.g. repo:ORG/REPO:environment:production"

  validation {
    condition     = length(var.subjects) > 0 && alltrue([for s in var.subjects : can(regex("^repo:[^*?]+$", s))])
    error_message = "Give exact subjects, without wildcards."
  }
}

variable "audience" {
  type    = string
  default = "sts.amazonaws.com"
}

variable "region" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_name" {
  type = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "pass_role_arns" {
  type = list(string)
}
