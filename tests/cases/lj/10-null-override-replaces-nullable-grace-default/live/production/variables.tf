variable "image_tag" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "health_check_grace_period_seconds" {
  description = "Override of the module's grace period; leave null for the module default."
  type        = number
  default     = null
}
