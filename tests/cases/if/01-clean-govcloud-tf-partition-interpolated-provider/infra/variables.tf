variable "region" {
  type        = string
  description = "GovCloud region the permits services run in."
  default     = "us-gov-west-1"
}

variable "github_org" {
  type    = string
  default = "civic-permits"
}

variable "github_repo" {
  type    = string
  default = "permits-api"
}

variable "deploy_environment" {
  type        = string
  description = "GitHub environment whose jobs may deploy (has required reviewers)."
  default     = "production"
}
