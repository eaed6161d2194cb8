variable "account_id" {
  type    = string
  default = "164803925517"
}

variable "github_oidc_issuer_host" {
  description = "Issuer host (and path) of GitHub Actions tokens, without https://"
  type        = string
  default     = "token.actions.githubusercontent.com"
}
