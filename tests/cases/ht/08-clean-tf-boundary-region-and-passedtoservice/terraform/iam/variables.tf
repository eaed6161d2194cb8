variable "account_id" {
  type    = string
  default = "381920476153"
}

variable "region" {
  type    = string
  default = "ap-southeast-2"
}
