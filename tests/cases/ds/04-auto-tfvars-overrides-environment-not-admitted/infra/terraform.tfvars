aws_region         = "eu-west-2"
aws_account_id     = "284716395021"
github_repository  = "saltire-energy/meter-ingest"
deploy_environment = "production"
