variable "name" {
  type = string
}

variable "repository_url" {
  type = string
}

variable "image_tag" {
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

variable "command" {
  type    = list(string)
  default = null
}

variable "environment" {
  description = "Plain environment variables (no secrets: use var.secrets)."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Map of variable name to Secrets Manager / SSM ARN."
  type        = map(string)
  default     = {}
}

variable "execution_role_arn" {
  description = "Role the ECS agent uses to pull the image and fetch var.secrets."
  type        = string
  default     = null
}

variable "task_role_arn" {
  type    = string
  default = null
}
