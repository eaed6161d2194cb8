variable "environment" {
  type        = string
  description = "Short environment name used in resource names (prod, stg)"
}

variable "github_environment" {
  type        = string
  description = "GitHub Actions environment whose jobs may deploy orders"
}
