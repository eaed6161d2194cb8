variable "cluster_name" {
  type    = string
  default = "finance"
}

variable "subnet_ids" {
  type = list(string)
}

variable "billing_image" {
  type = string
}

variable "invoices_image" {
  type = string
}

variable "enable_circuit_breaker" {
  description = "Roll back deployments whose tasks never become healthy."
  type        = bool
  default     = true
}
