variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "https_listener_arn" {
  type = string
}

variable "ecr_registry" {
  type    = string
  default = "572904318466.dkr.ecr.ap-southeast-2.amazonaws.com"
}

variable "services" {
  description = "One ECS service behind the shared ALB per entry."
  type = list(object({
    name                              = string
    port                              = number
    path_patterns                     = list(string)
    image_tag                         = string
    cpu                               = optional(number, 512)
    memory                            = optional(number, 1024)
    desired_count                     = optional(number, 2)
    health_check_path                 = optional(string, "/health")
    health_check_grace_period_seconds = optional(number, 90)
  }))
}
