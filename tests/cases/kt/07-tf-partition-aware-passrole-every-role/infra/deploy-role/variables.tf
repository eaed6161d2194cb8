variable "service" {
  type    = string
  default = "ledger-api"
}

variable "cluster" {
  type    = string
  default = "ledger"
}

variable "github_repository" {
  type    = string
  default = "harbor-fintech/ledger-api"
}

variable "environment" {
  type    = string
  default = "production"
}
