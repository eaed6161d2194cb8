variable "aws_region" {
  type    = string
  default = "us-east-2"
}

variable "github_repository" {
  type = string
}

variable "deploy_environment" {
  description = "GitHub environment whose jobs may assume the deploy role"
  type        = string
  default     = "production"
}

variable "ecs_cluster" {
  type    = string
  default = "ostara-prod"
}
