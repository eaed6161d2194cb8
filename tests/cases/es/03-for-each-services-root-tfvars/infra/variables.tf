variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "services_security_group_id" {
  type = string
}

variable "services" {
  description = "One ECS service per entry, keyed by service name."
  type = map(object({
    cpu              = number
    memory           = number
    image_tag        = string
    container_port   = optional(number, 8080)
    desired_count    = optional(number, 2)
    target_group_arn = optional(string)
    environment      = optional(map(string), {})
    secrets          = optional(map(string), {})
  }))
}
