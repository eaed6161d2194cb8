variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type = string
}

variable "github_repository" {
  type    = string
  default = "brindle-works/invoice-svc"
}

variable "deploy_branches" {
  description = "Branches whose push runs may assume the deploy role"
  type        = list(string)
  default     = ["main"]
}

variable "cluster_name" {
  type = string
}
