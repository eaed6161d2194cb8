variable "account_id" {
  type    = string
  default = "736401958212"
}

variable "region" {
  type    = string
  default = "eu-north-1"
}

variable "environments" {
  type    = set(string)
  default = ["staging", "production"]
}
