variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "806142957301"
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "deployment_maximum_percent" {
  type    = number
  default = 200
}

variable "health_check_grace_period" {
  description = "Seconds before ALB health checks count against new tasks"
  type        = number
  default     = 90
}

variable "enable_circuit_breaker" {
  type    = bool
  default = false
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}
