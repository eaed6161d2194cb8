aws_account_id    = "845172639028"
github_repository = "tillpoint/checkout-api"

environments = {
  staging = {
    cluster       = "tillpoint-staging"
    desired_count = 1
    github_deploy = true
  }
  production = {
    cluster       = "tillpoint-production"
    desired_count = 4
  }
}
