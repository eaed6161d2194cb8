variable "environment" {
  type        = string
  description = "staging or production"
}

variable "task_cpu" {
  type        = number
  description = "Fargate task CPU units"
  default     = 512
}

variable "task_memory" {
  type        = number
  description = "Fargate task memory (MiB)"
  default     = 1024
}

variable "desired_count" {
  type    = number
  default = 1
}

variable "image_tag" {
  type        = string
  description = "Release tag of the quay-api image"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

variable "service_security_group_id" {
  type = string
}
