variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "github_repositories" {
  description = "Repositories whose main branch may push images."
  type        = list(string)
  default     = ["nimbus-retail/checkout-service"]
}

variable "enable_legacy_push_role" {
  type    = bool
  default = true
}
