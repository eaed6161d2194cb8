variable "repository" {
  description = "GitHub repository (OWNER/REPO) allowed to deploy"
  type        = string
  default     = "skylark-rail/fares-api"
}

variable "service" {
  description = "ECS service name; also the role name prefix"
  type        = string
  default     = "fares-api"
}

variable "environment" {
  description = "GitHub environment whose jobs may assume the role"
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "account_id" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "cluster" {
  type = string
}
