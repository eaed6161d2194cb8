variable "create_github_oidc_provider" {
  description = "Create the GitHub OIDC provider in this account. Off where the org bootstrap stack owns it."
  type        = bool
  default     = true
}

variable "account_id" {
  type = string
}

variable "region" {
  type    = string
  default = "ap-northeast-1"
}
