variable "environment" {
  type    = string
  default = "prod"
}

variable "db_host" {
  type    = string
  default = "booking-prod.cluster-c7xq2k1v9z0a.eu-west-3.rds.amazonaws.com"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "container_port" {
  type    = number
  default = 8080
}
