variable "enable_pr_previews" {
  description = "Create the role that pull-request workflows use to deploy preview environments."
  type        = bool
  default     = false
}
