variable "cluster_name" {
  type    = string
  default = "geo-prod"
}

variable "ecr_registry" {
  type    = string
  default = "481630925714.dkr.ecr.ca-central-1.amazonaws.com"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "apps" {
  type = map(object({
    image_tag = string
    cpu       = number
    memory    = number
    public    = optional(bool, false)
    desired   = optional(number, 2)
    rollout = optional(object({
      min_healthy_percent = optional(number, 100)
      max_percent         = optional(number, 200)
    }), {})
    load_balancer = optional(object({
      target_group_arn     = string
      container_port       = number
      grace_period_seconds = optional(number, 90)
    }))
  }))
}
