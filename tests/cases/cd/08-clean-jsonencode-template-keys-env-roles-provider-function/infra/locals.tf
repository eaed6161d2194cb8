locals {
  github_host = "token.actions.githubusercontent.com"
  repository  = "mossbank/payments-portal"
  account_id  = "735190284617"
  region      = "eu-west-1"

  environments = {
    staging = {
      cluster = "payments-staging"
      service = "portal"
    }
    production = {
      cluster = "payments-prod"
      service = "portal"
    }
  }
}
