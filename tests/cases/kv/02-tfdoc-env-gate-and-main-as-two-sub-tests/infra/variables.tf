variable "github_repository" {
  description = "OWNER/REPO allowed to release payments-api"
  type        = string
  default     = "lindqvist-pay/payments-api"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "418272790154"
}
