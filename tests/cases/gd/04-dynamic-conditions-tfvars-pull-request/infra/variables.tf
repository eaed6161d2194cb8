variable "region" {
  type    = string
  default = "ca-central-1"
}

variable "github_repository" {
  type    = string
  default = "pinewood-apps/menu-api"
}

variable "extra_trusted_subjects" {
  description = "Additional OIDC subjects allowed to assume the deploy role"
  type        = list(string)
  default     = []
}
