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
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "desired_count" {
  type = number
}

variable "target_group_arn" {
  type = string
}

variable "container_port" {
  type = number
}

variable "health_check_grace_period_seconds" {
  type    = number
  default = 90
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
