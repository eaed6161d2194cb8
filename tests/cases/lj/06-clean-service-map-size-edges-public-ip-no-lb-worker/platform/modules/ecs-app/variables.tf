variable "name" {
  type = string
}

variable "cluster_arn" {
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

variable "desired_count" {
  type = number
}

variable "min_healthy_percent" {
  type    = number
  default = 100
}

variable "max_percent" {
  type    = number
  default = 200
}

variable "load_balancer" {
  type = object({
    target_group_arn     = string
    container_port       = number
    grace_period_seconds = number
  })
  default = null
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "assign_public_ip" {
  type    = bool
  default = false
}
