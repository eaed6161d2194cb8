variable "oidc_audience" {
  description = "Audience GitHub puts in the token for AWS"
  type        = string
  default     = "sts.amazonaws.com"
}

variable "github_repository" {
  type = string
}
