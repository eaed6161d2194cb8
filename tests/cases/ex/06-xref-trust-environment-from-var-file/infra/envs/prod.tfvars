environment        = "prod"
github_environment = "prod"
