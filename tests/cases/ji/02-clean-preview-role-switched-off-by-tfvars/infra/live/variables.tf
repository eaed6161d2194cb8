variable "region" {
  type    = string
  default = "us-east-2"
}

variable "enable_preview_environments" {
  description = "Create the role that pull-request preview deployments assume."
  type        = bool
  default     = true
}
