variable "url" {
  description = "Issuer of the GitHub Actions OIDC tokens."
  type        = string
  default     = "https://token.actions.githubusercontent.com"
}

variable "extra_client_ids" {
  description = "Audiences accepted besides sts.amazonaws.com (other token consumers)."
  type        = list(string)
  default     = []
}

variable "thumbprint_list" {
  type    = list(string)
  default = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

variable "tags" {
  type    = map(string)
  default = {}
}
