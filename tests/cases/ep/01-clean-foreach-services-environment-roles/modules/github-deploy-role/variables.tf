variable "role_name" {
  type = string
}

variable "github_repository" {
  description = "OWNER/REPO whose workflows may assume the role."
  type        = string
}

variable "github_environment" {
  description = "GitHub deployment environment the deploy job runs in."
  type        = string
}

variable "oidc_audience" {
  description = "Audience the workflows request (configure-aws-credentials `audience` input)."
  type        = string
  default     = "sts.amazonaws.com"
}

variable "ecr_repository_arns" {
  type = list(string)
}

variable "ecs_cluster_name" {
  type = string
}

variable "ecs_service_names" {
  type = list(string)
}

variable "pass_role_arns" {
  description = "Execution and task roles of the task definitions this role registers."
  type        = list(string)
}
