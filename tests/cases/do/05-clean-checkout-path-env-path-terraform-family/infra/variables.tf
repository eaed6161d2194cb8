variable "region" {
  type    = string
  default = "ca-central-1"
}

variable "github_repository" {
  type    = string
  default = "kestrel-labs/tally"
}

variable "oidc_client_ids" {
  description = "Audiences accepted by the GitHub OIDC provider (sigstore is used by the signing workflow)"
  type        = list(string)
  default     = ["sts.amazonaws.com", "sigstore"]
}
