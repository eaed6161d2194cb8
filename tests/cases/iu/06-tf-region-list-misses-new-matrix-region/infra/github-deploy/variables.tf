variable "account_id" {
  description = "Production workload account"
  type        = string
  default     = "702918364510"
}

variable "github_repository" {
  type    = string
  default = "copperline/checkout"
}
