variable "account_id" {
  type    = string
  default = "739201846352"
}

variable "github_repository" {
  type    = string
  default = "orbit-maps/tile-server"
}

variable "deployments" {
  description = "GitHub environment => region and ECS cluster"
  type = map(object({
    region  = string
    cluster = string
  }))
  default = {
    prod-eu = { region = "eu-west-1", cluster = "tiles-eu" }
    prod-us = { region = "us-east-1", cluster = "tiles-us" }
  }
}
