environment      = "staging"
desired_count    = 1
target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:459021837766:targetgroup/ingest-api-staging/8a7b6c5d4e3f2a1b"

# Faster feedback on staging deploys.
health_check_grace_period = 30

subnet_ids         = ["subnet-0a1a2a3a4a5a6a7a8"]
security_group_ids = ["sg-0b1b2b3b4b5b6b7b8"]
