variable "cluster_name" {
  type    = string
  default = "shop-prod"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "enable_circuit_breaker" {
  description = "Roll back deployments whose tasks never become healthy"
  type        = bool
  default     = true
}

variable "use_spot" {
  type    = bool
  default = true
}
