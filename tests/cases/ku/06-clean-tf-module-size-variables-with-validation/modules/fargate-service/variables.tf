variable "name" {
  type = string
}

variable "image" {
  description = "Full image reference, pinned to a tag or digest"
  type        = string
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "cpu" {
  description = "Task CPU units (Fargate: 256, 512, 1024, 2048, 4096, 8192 or 16384)"
  type        = number
  default     = 1024

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be a Fargate task size."
  }
}

variable "memory" {
  description = "Task memory in MiB; must be in the Fargate row of var.cpu"
  type        = number
  default     = 3072
}

variable "cpu_architecture" {
  type    = string
  default = "ARM64"
}

variable "secrets" {
  description = "Map of environment variable name to Secrets Manager or SSM ARN"
  type        = map(string)
  default     = {}
}
