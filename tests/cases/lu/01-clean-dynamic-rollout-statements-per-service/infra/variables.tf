variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "418295730614"
}

variable "services" {
  description = "ECS services the GitHub deploy role may roll out, keyed by service name"
  type = map(object({
    cluster = string
    family  = string
  }))
  default = {
    "ledger-api" = {
      cluster = "ledger"
      family  = "ledger-api"
    }
    "ledger-worker" = {
      cluster = "ledger"
      family  = "ledger-worker"
    }
  }
}

variable "passed_to_service" {
  type    = string
  default = "ecs-tasks.amazonaws.com"
}
