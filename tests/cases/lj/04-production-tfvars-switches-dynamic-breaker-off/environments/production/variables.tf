variable "image_tag" {
  description = "Image tag the service is created with."
  type        = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "enable_circuit_breaker" {
  description = "Roll back deployments whose tasks never become healthy."
  type        = bool
  default     = true
}
