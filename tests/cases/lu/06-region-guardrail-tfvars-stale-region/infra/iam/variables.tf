variable "account_id" {
  type = string
}

variable "allowed_regions" {
  description = "Regions the GitHub deploy role may touch"
  type        = list(string)
}

variable "cluster_name" {
  type = string
}

variable "service_name" {
  type = string
}
