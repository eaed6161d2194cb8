variable "name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "image" {
  type = string
}

variable "cpu" {
  description = "Task CPU units."
  type        = number
}

variable "memory" {
  description = "Task memory (MiB)."
  type        = number
}

variable "desired_count" {
  type = number
}

variable "min_healthy_percent" {
  type    = number
  default = 100
}

variable "max_percent" {
  type    = number
  default = 200
}

variable "container_port" {
  type    = number
  default = null
}

variable "target_group_arn" {
  type    = string
  default = null
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
