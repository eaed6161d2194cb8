variable "aws_region" {
  type        = string
  description = "AWS region"
  default     = "us-east-1"
}

variable "project_name" {
  type        = string
  description = "Prefix for created resources"
  default     = "epsteingptengine"
}

variable "image_tag" {
  type        = string
  description = "ECR image tag to deploy"
  default     = "latest"
}

variable "container_port" {
  type        = number
  description = "Container port exposed by the API"
  default     = 8000
}

variable "cpu" {
  type        = number
  description = "Fargate CPU units"
  default     = 1024
}

variable "memory" {
  type        = number
  description = "Fargate memory (MiB)"
  default     = 2048
}

variable "desired_count" {
  type        = number
  description = "Number of tasks"
  default     = 1
}

variable "database_url" {
  type        = string
  description = "SQLAlchemy DATABASE_URL (Postgres). Stored in SSM SecureString."
  sensitive   = true
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL env var"
  default     = "INFO"
}
