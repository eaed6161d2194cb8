variable "environment" {
  type    = string
  default = "prod"
}

variable "private_subnet_ids" {
  type = list(string)
}
