variable "health_check_grace_period" {
  description = "Seconds ECS ignores ALB health checks after a task starts"
  type        = number
  default     = 120
}

variable "enable_circuit_breaker" {
  type    = bool
  default = true
}

variable "image_tag" {
  description = "Set by the release pipeline"
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}
