variable "repository" {
  type    = string
  default = "wren-analytics/ingest"
}

variable "deploy_branches" {
  type    = list(string)
  default = ["main"]
}

variable "allow_pull_request_plans" {
  description = "Let pull requests assume the role to run terraform plan"
  type        = bool
  default     = false
}
