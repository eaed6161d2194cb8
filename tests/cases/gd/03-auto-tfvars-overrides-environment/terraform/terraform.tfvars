github_repository  = "ostara-health/scheduler"
deploy_environment = "production"
ecs_cluster        = "ostara-prod"
