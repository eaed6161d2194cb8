desired_count    = 3
image            = "739205184463.dkr.ecr.ca-central-1.amazonaws.com/harvest-web@sha256:9c1f0e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4"
target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:739205184463:targetgroup/harvest-web/3e5a7c9b1d2f4e60"

subnet_ids         = ["subnet-0c8e1a3f5b7d9e2a4", "subnet-0d9f2b4a6c8e0f3b5"]
security_group_ids = ["sg-0b7d9f1a3c5e72468"]

health_check_grace_period_seconds = 30
