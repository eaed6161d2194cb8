variable "aws_region" {
  type    = string
  default = "us-west-2"
}

variable "github_owner" {
  type        = string
  description = "GitHub organization that owns the repository"
}

variable "github_owner_id" {
  type        = number
  description = "Numeric id of the organization (gh api orgs/OWNER --jq .id)"
}

variable "github_repository" {
  type = string
}

variable "github_repository_id" {
  type        = number
  description = "Numeric id of the repository (gh api repos/OWNER/REPO --jq .id)"
}

variable "environments" {
  type    = list(string)
  default = ["production"]
}
