variable "url" {
  description = "Issuer of the GitHub Actions OIDC tokens."
  type        = string
  default     = "https://token.actions.githubusercontent.com"
}

variable "client_id_list" {
  description = "Audiences STS accepts from the tokens."
  type        = list(string)
  default     = ["sts.amazonaws.com"]
}

variable "thumbprint_list" {
  type    = list(string)
  default = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

variable "tags" {
  type    = map(string)
  default = {}
}
