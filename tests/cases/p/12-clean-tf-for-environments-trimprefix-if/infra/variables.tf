variable "github_repository" {
  description = "Repository allowed to deploy, as repo:OWNER/NAME or OWNER/NAME"
  type        = string
  default     = "repo:harbor-lane/billing"
}

variable "deploy_environments" {
  description = "GitHub environments that deploy from this account (sandbox has its own account)"
  type        = list(string)
  default     = ["staging", "production", "sandbox"]
}

variable "region" {
  type    = string
  default = "us-east-1"
}
