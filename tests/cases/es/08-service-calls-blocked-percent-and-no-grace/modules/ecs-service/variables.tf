variable "name" {
  type = string
}

variable "region" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "image" {
  description = "Image the first revision starts with; CI registers the later ones."
  type        = string
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "container_port" {
  type    = number
  default = 8080
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "environment" {
  description = "Plain settings; secrets go in var.secrets."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Variable name -> Secrets Manager or SSM parameter ARN."
  type        = map(string)
  default     = {}
}

variable "deployment_minimum_healthy_percent" {
  type    = number
  default = 100
}

variable "deployment_maximum_percent" {
  type    = number
  default = 200
}

variable "circuit_breaker" {
  description = "Roll failed deployments back to the last steady revision."
  type        = bool
  default     = true
}

variable "target_group_arn" {
  type    = string
  default = null
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
