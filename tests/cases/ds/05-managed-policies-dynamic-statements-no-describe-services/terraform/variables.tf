variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "519374620183"
}

variable "github_repository" {
  type    = string
  default = "brightwater-ops/dispatch-api"
}

variable "cluster_name" {
  type    = string
  default = "brightwater-prod"
}

variable "service_name" {
  type    = string
  default = "dispatch-api"
}
