variable "github_repository" {
  description = "OWNER/REPO whose production environment deploys the service"
  type        = string
  default     = "brightkite-media/transcoder"
}

variable "tooling_account_id" {
  description = "Account that runs the shared release tooling"
  type        = string
  default     = "556677889900"
}
