variable "github_oidc_provider_arn" {
  description = "ARN of the account's GitHub OIDC provider (created by the landing zone)"
  type        = string
  default     = "arn:aws:iam::760913482255:oidc-provider/token.actions.githubusercontent.com"
}

variable "deploy_environments" {
  description = "GitHub environments of payments-gateway that deploy to this account"
  type        = list(string)
  default     = ["staging", "production"]
}
