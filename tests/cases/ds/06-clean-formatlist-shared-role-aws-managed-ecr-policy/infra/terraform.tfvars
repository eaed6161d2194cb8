github_repository   = "oakmere/booking-web"
deploy_environments = ["staging", "production"]

clusters = {
  staging    = "oakmere-staging"
  production = "oakmere-production"
}
