variable "name" {
  type = string
}

variable "cluster" {
  type = string
}

variable "image" {
  type = string
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}

variable "desired" {
  type = number
}

variable "subnets" {
  type = list(string)
}

variable "sec_groups" {
  type = list(string)
}

variable "target_port" {
  type = number
}

variable "target_group_arn" {
  type = string
}

variable "health_check_grace_period_seconds" {
  description = "Seconds ECS ignores ALB health checks after a task starts."
  type        = number
  default     = 120
  nullable    = false
}

variable "deployment" {
  type = object({
    minimum_healthy_percent = optional(number, 100)
    maximum_percent         = optional(number, 200)
    rollback                = optional(bool, true)
  })
  default  = {}
  nullable = false
}
