variable "size" {
  description = "Task size of the journey planner (small or large)"
  type        = string
  default     = "large"
}

variable "grace_period" {
  description = "Seconds the ALB health checks are ignored after a task starts"
  type        = number
  default     = 90
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "image" {
  description = "Image URI with digest, set by the release pipeline"
  type        = string
}
