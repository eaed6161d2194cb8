variable "issuer_url" {
  description = "Issuer URL of GitHub Actions tokens."
  type        = string
  default     = "https://token.actions.githubusercontent.com"
}

variable "client_id_list" {
  type    = list(string)
  default = ["sts.amazonaws.com"]
}

variable "thumbprint_list" {
  type    = list(string)
  default = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

variable "role_name" {
  type = string
}

variable "subjects" {
  description = "Exact sub claims allowed to assume the role."
  type        = list(string)
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}
