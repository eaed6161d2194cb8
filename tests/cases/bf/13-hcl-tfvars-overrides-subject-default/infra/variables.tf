variable "github_audience" {
  type    = string
  default = "sts.amazonaws.com"
}

variable "deploy_subjects" {
  description = "GitHub OIDC subjects allowed to assume the claims deploy role."
  type        = list(string)
  default     = ["repo:granary-health/claims:environment:production"]
}
