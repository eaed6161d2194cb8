variable "environments" {
  description = "One deploy role, cluster and task family per GitHub environment."
  type = map(object({
    cluster = string
  }))
  default = {
    staging = {
      cluster = "ledger-staging"
    }
    production = {
      cluster = "ledger-production"
    }
  }
}
