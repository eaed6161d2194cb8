variable "image_tag" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

# Per-environment overrides. null = use the web-service module's default.
variable "health_check_grace_period_seconds" {
  type    = number
  default = null
}

variable "min_healthy_percent" {
  type    = number
  default = null
}

variable "max_percent" {
  type    = number
  default = null
}

variable "rollback_on_failure" {
  type    = bool
  default = null
}
