deploy_environment = "production"
