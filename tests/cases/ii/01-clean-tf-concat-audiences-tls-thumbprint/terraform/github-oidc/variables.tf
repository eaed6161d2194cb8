variable "github_org" {
  description = "GitHub organization whose repositories may assume the deploy roles."
  type        = string
  default     = "copperline-labs"
}

variable "additional_audiences" {
  description = "Extra client IDs for tools that request their own OIDC audience (e.g. sigstore for keyless signing)."
  type        = list(string)
  default     = []
}

variable "account_id" {
  type    = string
  default = "318440962715"
}
