variable "aws_region" {
  type = string
}

variable "aws_account_id" {
  type = string
}

variable "github_repository" {
  type = string
}

variable "deploy_environment" {
  description = "Name of the GitHub environment whose jobs may deploy"
  type        = string
  default     = "production"
}

variable "cluster_name" {
  type    = string
  default = "saltire-prod"
}
