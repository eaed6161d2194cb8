variable "github_owner" {
  description = "GitHub organization that owns the tide-api repository."
  type        = string
  default     = "halyard-labs"
}

variable "github_repository" {
  description = "Repository (without the owner) whose deploy jobs assume the role."
  type        = string
  default     = "tide-api"
}

variable "deploy_environments" {
  description = "GitHub environments whose jobs may deploy tide-api."
  type        = list(string)
  default     = ["staging", "production"]
}

locals {
  tags = {
    Service   = "tide-api"
    ManagedBy = "terraform"
    Repo      = "halyard-labs/platform-infra"
  }
}
