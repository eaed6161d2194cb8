variable "github_repository" {
  description = "OWNER/REPO allowed to deploy."
  type        = string
}

variable "github_subject_context" {
  description = "Context part of the OIDC sub (after repo:OWNER/REPO:), StringLike wildcards allowed."
  type        = string
  default     = "*"
}

variable "role_name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "service_arn" {
  type = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "task_role_arns" {
  type = list(string)
}
