environments = {
  dev = {
    cluster = "matchmaker-dev"
  }
  staging = {
    cluster            = "matchmaker-staging"
    github_environment = "staging"
  }
  production = {
    cluster            = "matchmaker-prod"
    github_environment = "production"
  }
}
