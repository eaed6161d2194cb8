variable "app_name" {
  description = "Service name: ECR repository, ECS family and service prefix."
  type        = string
}

variable "environment" {
  description = "staging or production."
  type        = string
}

variable "github_subjects" {
  description = "OIDC `sub` values (StringLike) allowed to assume the deploy role."
  type        = list(string)
}

variable "cluster_name" {
  description = "ECS cluster the service runs in."
  type        = string
}

variable "image_repository_url" {
  description = "ECR repository URL, without tag."
  type        = string
}

variable "image_tag" {
  description = "Tag of the first image; CI registers later revisions."
  type        = string
}

variable "container_name" {
  type        = string
  default     = "app"
}

variable "container_port" {
  type        = number
  default     = 8080
}

variable "cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 512
}

variable "memory" {
  description = "Fargate task memory (MiB)."
  type        = number
  default     = 1024
}

variable "desired_count" {
  type        = number
  default     = 2
}

variable "deployment_minimum_healthy_percent" {
  type        = number
  default     = 100
}

variable "deployment_maximum_percent" {
  type        = number
  default     = 200
}

variable "health_check_grace_period_seconds" {
  type        = number
  default     = 90
}

variable "subnet_ids" {
  type        = list(string)
}

variable "security_group_ids" {
  type        = list(string)
}

variable "target_group_arn" {
  type        = string
}

variable "log_retention_days" {
  type        = number
  default     = 30
}
