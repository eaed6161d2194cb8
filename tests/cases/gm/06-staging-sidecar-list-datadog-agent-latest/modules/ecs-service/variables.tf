variable "name" {
  description = "Service name; also the ECS family and log group suffix."
  type        = string
}

variable "environment" {
  description = "Short environment name (staging, prod)."
  type        = string
}

variable "cluster_name" {
  type = string
}

variable "image_repository_url" {
  description = "ECR repository URL without a tag."
  type        = string
}

variable "image_tag" {
  description = "Tag of the image the first revision runs. CI registers later revisions."
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
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "environment_variables" {
  description = "Plain environment of the app container."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name => Secrets Manager or SSM parameter ARN."
  type        = map(string)
  default     = {}
}

variable "sidecars" {
  description = "Extra container definitions (agents, proxies) appended after the app container."
  type        = list(any)
  default     = []
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

variable "health_check_grace_period_seconds" {
  type    = number
  default = 120
}

variable "target_group_arn" {
  description = "ALB target group; null for services without a load balancer."
  type        = string
  default     = null
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

variable "log_retention_days" {
  type    = number
  default = 30
}
