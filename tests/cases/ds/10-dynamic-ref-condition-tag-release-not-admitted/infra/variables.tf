variable "aws_region" {
  type    = string
  default = "ca-central-1"
}

variable "aws_account_id" {
  type    = string
  default = "947261038452"
}

variable "github_repository" {
  type    = string
  default = "gannet-systems/ledger-sync"
}

variable "github_environment" {
  type    = string
  default = "production"
}

variable "default_branch" {
  type    = string
  default = "main"
}

variable "restrict_to_default_branch" {
  description = "Also require the token's ref to be the default branch (SEC-114)."
  type        = bool
  default     = false
}
