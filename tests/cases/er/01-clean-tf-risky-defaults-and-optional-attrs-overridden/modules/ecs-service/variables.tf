variable "name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "repository_url" {
  type = string
}

# Callers pin a release tag; the default only exists so `terraform validate`
# passes on the module folder.
variable "image_tag" {
  type    = string
  default = "latest"
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "desired_count" {
  type    = number
  default = 1
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "target_group_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "container_port" {
  type    = number
  default = 8080
}

# Mirrors the AWS provider's own defaults: every environment states the
# settings it depends on.
variable "deployment" {
  type = object({
    minimum_healthy_percent = optional(number, 100)
    maximum_percent         = optional(number, 200)
    circuit_breaker         = optional(bool, false)
    grace_period_seconds    = optional(number, 0)
  })
  default = {}
}

variable "log_group_name" {
  type = string
}

variable "aws_region" {
  type = string
}
