variable "environment" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "target_group_arn" {
  type = string
}

variable "health_check_grace_period" {
  description = "Seconds the ALB health checks are ignored after a task starts (the JVM needs ~70 s)."
  type        = number
  default     = 120
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
