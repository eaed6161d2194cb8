environment      = "production"
desired_count    = 4
target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:459021837766:targetgroup/ingest-api-production/1f2e3d4c5b6a7980"

subnet_ids         = ["subnet-0c1c2c3c4c5c6c7c8", "subnet-0d1d2d3d4d5d6d7d8"]
security_group_ids = ["sg-0e1e2e3e4e5e6e7e8"]
