variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "account_id" {
  type = string
}

variable "github_repository" {
  type        = string
  description = "OWNER/REPO allowed to deploy"
}

variable "github_environment" {
  type    = string
  default = "production"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}
