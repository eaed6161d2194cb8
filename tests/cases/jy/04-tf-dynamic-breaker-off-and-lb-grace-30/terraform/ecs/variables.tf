variable "cluster_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "enable_circuit_breaker" {
  description = "Roll back failed deployments automatically"
  type        = bool
  default     = false
}

variable "api_target_groups" {
  description = "Target groups the API registers with"
  type = list(object({
    arn  = string
    port = number
  }))
  default = []
}

variable "consumer_target_groups" {
  type = list(object({
    arn  = string
    port = number
  }))
  default = []
}
