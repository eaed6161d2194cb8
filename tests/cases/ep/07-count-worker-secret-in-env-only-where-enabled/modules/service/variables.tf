variable "name" {
  description = "Service name; also the task family and the log group suffix."
  type        = string
}

variable "cluster_name" {
  type = string
}

variable "image" {
  description = "Full image reference (repository URL and tag) of the first revision. CI registers later ones."
  type        = string
}

variable "container_name" {
  type    = string
  default = "app"
}

variable "container_port" {
  type    = number
  default = 8080
}

variable "cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 512
}

variable "memory" {
  description = "Fargate task memory in MiB."
  type        = number
  default     = 1024
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "deployment" {
  description = "Rolling deployment settings; leave out what you do not need to change."
  type = object({
    minimum_healthy_percent = optional(number, 100)
    maximum_percent         = optional(number, 200)
    rollback                = optional(bool, true)
  })
  default = {}
}

variable "environment" {
  description = "Plain environment variables of the container."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name => Secrets Manager / SSM ARN."
  type        = map(string)
  default     = {}
}

variable "target_group_arn" {
  description = "Target group to register the tasks with; null for services without a load balancer."
  type        = string
  default     = null
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

variable "log_retention_days" {
  type    = number
  default = 30
}
