variable "account_id" {
  type    = string
  default = "309481726554"
}

variable "github_repository" {
  type    = string
  default = "saltmarsh-io/inventory-svc"
}

variable "environments" {
  description = "GitHub environments allowed to deploy inventory-svc"
  type        = list(string)
  default     = ["staging", "production"]
}
