variable "enable_preview_env" {
  description = "Spin up the throwaway preview service (off unless a demo needs it)."
  type        = bool
  default     = false
}

variable "target_group_arns" {
  type = map(string)
  default = {
    dev     = "arn:aws:elasticloadbalancing:us-east-1:377105662941:targetgroup/guestbook-dev/4c1b2a3d4e5f6a7b"
    staging = "arn:aws:elasticloadbalancing:us-east-1:377105662941:targetgroup/guestbook-staging/8e9f0a1b2c3d4e5f"
    preview = "arn:aws:elasticloadbalancing:us-east-1:377105662941:targetgroup/guestbook-preview/1a2b3c4d5e6f7a8b"
  }
}
