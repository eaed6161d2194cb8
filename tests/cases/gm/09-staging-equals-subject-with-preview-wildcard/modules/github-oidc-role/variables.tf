variable "role_name" {
  type = string
}

variable "account_id" {
  description = "Account that holds the GitHub OIDC provider and the role."
  type        = string
}

variable "github_subjects" {
  description = "Exact values of the token's sub claim allowed to assume the role (compared with StringEquals)."
  type        = list(string)
}

variable "ecr_repository_arns" {
  description = "Repositories the role may push to."
  type        = list(string)
}

variable "ecs_service_arns" {
  description = "Services the role may update."
  type        = list(string)
}

variable "pass_role_arns" {
  description = "Task and execution roles the role may hand to ECS."
  type        = list(string)
}

variable "max_session_duration" {
  type    = number
  default = 3600
}
