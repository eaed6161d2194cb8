variable "region" {
  type    = string
  default = "ca-central-1"
}

variable "account_id" {
  type    = string
  default = "720384615290"
}

variable "cluster_name" {
  type    = string
  default = "reports"
}
