variable "enabled" {
  default     = true
  description = "Flag to enable/disable the creation of resources."
  type        = bool
}

variable "force_detach_policies" {
  default     = false
  description = "Flag to force detachment of policies attached to the IAM role."
  type        = bool
}

variable "github_organisation" {
  default     = "tern-analytics"
  description = "GitHub organisation name."
  type        = string
}

variable "github_repositories" {
  default     = ["ingest", "dashboards"]
  description = "List of GitHub repository names."
  type        = list(string)
}

variable "iam_role_name" {
  default     = "github"
  description = "Name of the IAM role."
  type        = string
}

variable "iam_role_path" {
  default     = "/"
  description = "Path to the IAM role."
  type        = string
}

variable "max_session_duration" {
  default     = 3600
  description = "Maximum session duration in seconds."
  type        = number
}
