aws_region         = "eu-west-1"
deploy_environment = "staging"
