variable "cluster_name" {
  type    = string
  default = "docflow"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "worker_security_group_id" {
  type = string
}

variable "image_tag" {
  description = "Release tag shared by all worker images."
  type        = string
}

variable "workers" {
  description = "SQS-driven workers, one ECS service each."
  type = map(object({
    queue_name    = string
    command       = list(string)
    os_family     = optional(string, "LINUX")
    cpu           = optional(number, 512)
    memory        = optional(number, 1024)
    desired_count = optional(number, 1)
  }))
}
