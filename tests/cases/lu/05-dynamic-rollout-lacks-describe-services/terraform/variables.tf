variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "services" {
  type = map(object({
    cluster = string
    family  = string
  }))
  default = {
    payments-api = {
      cluster = "payments"
      family  = "payments-api"
    }
  }
}
