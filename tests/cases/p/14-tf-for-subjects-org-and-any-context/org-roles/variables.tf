variable "org" {
  type    = string
  default = "octo-org"
}

variable "subjects" {
  description = "GitHub subjects allowed to assume the read-only platform role (repo: prefix optional)"
  type        = list(string)
  default     = ["octo-org/*"]
}

variable "services" {
  description = "Service repositories and their ECS clusters"
  type = map(object({
    cluster = string
    port    = number
  }))
  default = {
    billing = { cluster = "payments", port = 8080 }
    ledger  = { cluster = "payments", port = 9090 }
  }
}
