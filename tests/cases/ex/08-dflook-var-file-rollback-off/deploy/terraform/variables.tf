variable "image_tag" {
  type    = string
  default = "latest"
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "rollback_on_failure" {
  type        = bool
  description = "Roll back to the last healthy task definition when a deployment fails"
  default     = true
}

variable "grace_period_seconds" {
  type    = number
  default = 120
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
