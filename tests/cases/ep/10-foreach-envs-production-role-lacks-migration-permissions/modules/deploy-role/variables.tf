variable "name" {
  type = string
}

variable "github_repository" {
  type = string
}

variable "github_environment" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_name" {
  type = string
}

variable "task_family" {
  type = string
}

variable "ecr_repository_arn" {
  type = string
}

variable "pass_role_arns" {
  type = list(string)
}

variable "run_migrations" {
  description = "Allow the deploy job to run one-off migration tasks (ecs:RunTask) and wait for them."
  type        = bool
  default     = false
}
