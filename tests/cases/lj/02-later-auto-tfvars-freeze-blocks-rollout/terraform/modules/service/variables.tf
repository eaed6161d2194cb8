variable "name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "image" {
  type = string
}

variable "task_size" {
  type = object({
    cpu    = number
    memory = number
  })
  default = {
    cpu    = 512
    memory = 1024
  }
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "rollout" {
  description = "Rolling deployment settings."
  type = object({
    minimum_healthy_percent = optional(number, 100)
    maximum_percent         = optional(number, 200)
    circuit_breaker         = optional(bool, true)
  })
  default = {}
}

variable "load_balancer" {
  type = object({
    target_group_arn     = string
    container_port       = number
    grace_period_seconds = optional(number, 90)
  })
  default = null
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
