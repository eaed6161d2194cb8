variable "region" {
  type    = string
  default = "us-west-2"
}

variable "github_org" {
  type = string
}

variable "publish_refs" {
  description = "Git refs (relative to refs/) allowed to publish images"
  type        = list(string)
  default     = ["heads/main"]
}

variable "excluded_repository_prefixes" {
  description = "Repositories of the org that must never publish"
  type        = list(string)
  default     = []
}
