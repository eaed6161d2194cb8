variable "github_subjects" {
  description = "GitHub OIDC subjects (OWNER/REPO:CONTEXT) that may assume the deploy role. Set in the Terraform Cloud workspace."
  type        = list(string)
}

variable "account_id" {
  type    = string
  default = "457120983364"
}

variable "region" {
  type    = string
  default = "ca-central-1"
}
