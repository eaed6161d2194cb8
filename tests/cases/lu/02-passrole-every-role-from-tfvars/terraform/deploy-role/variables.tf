variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "ecr_repositories" {
  type = list(string)
}

variable "ecs_cluster" {
  type = string
}

variable "pass_role_arns" {
  description = "Roles the pipeline may hand to ECS tasks (execution and task roles)"
  type        = list(string)
}

variable "github_subjects" {
  type = list(string)
}
