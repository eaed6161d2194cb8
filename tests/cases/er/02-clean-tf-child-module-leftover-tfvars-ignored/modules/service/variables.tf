variable "name" {
  type = string
}

variable "cluster_id" {
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

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "secrets" {
  description = "Container variable name => Secrets Manager secret ARN"
  type        = map(string)
  default     = {}
}

variable "target_group_arn" {
  type = string
}

variable "health_check_grace_period_seconds" {
  type = number
}

variable "circuit_breaker_rollback" {
  type = bool
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "region" {
  type = string
}
