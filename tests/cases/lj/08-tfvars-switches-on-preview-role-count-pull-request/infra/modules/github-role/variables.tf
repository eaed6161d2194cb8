variable "name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "subjects" {
  description = "Token sub values allowed to assume the role (StringLike)."
  type        = list(string)
}

variable "ecr_repository_arn" {
  type = string
}

variable "ecs_service_arn" {
  type = string
}

variable "pass_role_arns" {
  type = list(string)
}
