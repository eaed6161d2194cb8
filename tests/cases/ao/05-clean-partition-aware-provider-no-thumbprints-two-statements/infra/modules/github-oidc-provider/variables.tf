variable "enabled" {
  description = "Create the provider (one per account)"
  type        = bool
  default     = true
}

variable "issuer_url" {
  description = "GitHub Actions OIDC issuer"
  type        = string
  default     = "https://token.actions.githubusercontent.com"
}

variable "audiences" {
  description = "Client ids; empty means STS of the current partition"
  type        = list(string)
  default     = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
