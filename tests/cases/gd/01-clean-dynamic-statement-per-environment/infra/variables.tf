variable "aws_region" {
  type    = string
  default = "eu-central-1"
}

variable "github_repository" {
  description = "OWNER/REPO allowed to deploy parcel-api"
  type        = string
}

variable "deploy_environments" {
  description = "GitHub environments whose jobs may assume the deploy role"
  type        = list(string)
  default     = []
}
