variable "allow_pull_request_previews" {
  description = "Let pull-request workflows assume the deploy role to stand up preview services."
  type        = bool
  default     = false
}

variable "production_environments" {
  description = "GitHub environments that deploy matchmaker."
  type        = list(string)
  default     = ["production-eu", "production-us"]
}
