variable "github_org" {
  description = "GitHub organisation that owns the service repositories."
  type        = string
  default     = "brightwater-io"
}

variable "publisher_repositories" {
  description = "Repositories allowed to publish images to the shared registry (ledger-* covers the ledger microservices)."
  type        = list(string)
  default     = ["checkout", "ledger", "ledger-*"]
}

variable "publisher_branches" {
  description = "Branches of those repositories that may publish."
  type        = list(string)
  default     = ["main", "release/*"]
}

variable "deploy_repositories" {
  description = "Repositories that get their own production deploy role."
  type        = set(string)
  default     = ["checkout", "ledger"]
}
