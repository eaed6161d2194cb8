variable "github_org" {
  description = "GitHub organisation that owns the repositories"
  type        = string
  default     = "harbor-analytics"
}

variable "github_repository" {
  type    = string
  default = "dashboards"
}

variable "oidc_provider_arn" {
  type    = string
  default = "arn:aws:iam::447120983356:oidc-provider/token.actions.githubusercontent.com"
}
