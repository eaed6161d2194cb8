variable "name" {
  description = "Job name, e.g. nightly-reindex."
  type        = string
}

variable "cluster_arn" {
  type = string
}

variable "image_repository" {
  type = string
}

variable "image_tag" {
  description = "Image tag to run. Defaults to the newest build."
  type        = string
  default     = "latest"
}

variable "command" {
  type = list(string)
}

variable "schedule_expression" {
  description = "EventBridge schedule, e.g. cron(0 3 * * ? *)."
  type        = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
