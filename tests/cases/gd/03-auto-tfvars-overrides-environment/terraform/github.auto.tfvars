# GitHub settings shared with the other Ostara service stacks
github_repository  = "ostara-health/scheduler"
deploy_environment = "prod"
