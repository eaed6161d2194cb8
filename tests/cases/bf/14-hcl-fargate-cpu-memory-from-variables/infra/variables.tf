variable "task_cpu" {
  description = "Task CPU units for the matchmaker."
  type        = number
  default     = 512
}

variable "task_memory_gb" {
  type    = number
  default = 8
}

variable "image_tag" {
  description = "Git SHA of the image to run; set by the pipeline."
  type        = string
}
