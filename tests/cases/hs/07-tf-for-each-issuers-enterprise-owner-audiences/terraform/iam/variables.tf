variable "enterprise_slug" {
  description = "GitHub Enterprise Cloud slug (include_enterprise_slug is on for the enterprise)"
  type        = string
  default     = "halvard"
}

variable "github_orgs" {
  description = "Organizations of the enterprise that deploy into this account"
  type        = list(string)
  default     = ["halvard-retail", "halvard-logistics"]
}
