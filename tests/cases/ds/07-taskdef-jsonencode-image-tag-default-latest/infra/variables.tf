variable "aws_region" {
  type    = string
  default = "us-east-2"
}

variable "image_tag" {
  description = "Tag of the invoice-worker image to run"
  type        = string
  default     = "latest"
}

variable "task_size" {
  type    = string
  default = "small"

  validation {
    condition     = contains(["small", "medium", "large"], var.task_size)
    error_message = "task_size must be small, medium or large."
  }
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "subnet_ids" {
  type = list(string)
}
