variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "cluster" {
  type = string
}

variable "image" {
  type = string
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "enable_circuit_breaker" {
  type    = bool
  default = true
}

variable "target_group_arn" {
  type    = string
  default = null
}

variable "container_port" {
  type    = number
  default = 8080
}

variable "grace_period_seconds" {
  type    = number
  default = 60
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
