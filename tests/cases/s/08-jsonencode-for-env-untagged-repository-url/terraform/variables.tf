variable "name" {
  type    = string
  default = "storefront"
}

variable "stripe_secret_key" {
  type      = string
  sensitive = true
}

variable "private_subnets" {
  type = list(string)
}
