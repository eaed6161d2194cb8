variable "preview_name" {
  description = "Name of the preview environment (pr-<number>-<branch slug>)"
  type        = string

  validation {
    condition     = can(regex("^pr-[0-9]+-[a-z0-9-]{0,28}$", var.preview_name))
    error_message = "preview_name must look like pr-123-some-branch."
  }
}
