variable "aws_region" {
  type    = string
  default = "eu-west-1"
}

variable "github_repository" {
  type        = string
  description = "owner/name of the repository that deploys"
  default     = "larkspur-health/intake-api"
}

variable "deploy_environment" {
  type        = string
  description = "GitHub environment allowed to assume the deploy role"
  default     = "dev"
}

variable "service_name" {
  type    = string
  default = "intake-api"
}
