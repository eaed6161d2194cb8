variable "github_owner" {
  type    = string
  default = "tessellate-labs"
}

variable "github_owner_id" {
  description = "Numeric id of the GitHub organisation (gh api orgs/tessellate-labs --jq .id)."
  type        = number
  default     = 91827364
}

variable "github_repositories" {
  description = "Repositories that deploy to this account, with their numeric ids (gh api repos/OWNER/REPO --jq .id)."
  type = map(object({
    id           = number
    environments = optional(list(string), ["production"])
  }))
  default = {
    render-farm = {
      id = 802244631
    }
    asset-store = {
      id           = 802251907
      environments = ["staging", "production"]
    }
  }
}
