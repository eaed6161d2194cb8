variable "enable_github_deploy" {
  description = "Create the role GitHub Actions assumes to deploy billing-api"
  type        = bool
  default     = false
}

variable "account_id" {
  type = string
}
