variable "region" {
  type    = string
  default = "eu-north-1"
}

variable "github_oidc_url" {
  description = "Issuer URL of GitHub Actions' OIDC tokens"
  type        = string
  default     = "https://token.actions.githubusercontent.com"
}

variable "github_repository" {
  type    = string
  default = "vantage-grid/meter-ingest"
}

variable "deploy_environment" {
  type    = string
  default = "production"
}
