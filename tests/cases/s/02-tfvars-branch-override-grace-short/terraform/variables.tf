variable "region" {
  type    = string
  default = "us-east-2"
}

variable "release_branch" {
  description = "Branch whose pushes may deploy"
  type        = string
  default     = "main"
}

variable "health_check_grace" {
  description = "Seconds the service ignores failing ALB health checks after a task starts"
  type        = number
  default     = 120
}

variable "subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}
