variable "name" {
  description = "Service name; also the task family and log group suffix."
  type        = string
}

variable "cluster_arn" {
  type = string
}

variable "image" {
  description = "Full image reference of the first revision."
  type        = string
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
  type    = number
  default = 2
}

variable "deployment_minimum_healthy_percent" {
  type    = number
  default = 100
}

variable "deployment_maximum_percent" {
  type    = number
  default = 200
}

variable "target_group_arn" {
  description = "Target group to register tasks in; null for services without a load balancer."
  type        = string
  default     = null
}

variable "container_port" {
  type    = number
  default = 8080
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

variable "assign_public_ip" {
  type    = bool
  default = false
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "secrets" {
  description = "Variable name => Secrets Manager secret or SSM parameter ARN."
  type        = map(string)
  default     = {}
}
