variable "editor_api_task_definition_arn" {
  type = string
}

variable "render_worker_task_definition_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}
