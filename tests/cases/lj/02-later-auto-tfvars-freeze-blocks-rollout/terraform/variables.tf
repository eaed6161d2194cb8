variable "image_tag" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

variable "task_security_group_id" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "min_healthy_percent" {
  description = "Rolling deploy: share of desired tasks kept running."
  type        = number
  default     = 100
}

variable "max_percent" {
  description = "Rolling deploy: ceiling of running tasks, in percent of desired."
  type        = number
  default     = 200
}
