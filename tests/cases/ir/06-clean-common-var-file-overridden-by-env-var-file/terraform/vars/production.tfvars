environment               = "production"
desired_count             = 4
health_check_grace_period = 120
circuit_breaker_rollback  = true

target_group_arn   = "arn:aws:elasticloadbalancing:eu-north-1:640281937455:targetgroup/scheduler-api-production/8e1a3c5e7b9d2f46"
subnet_ids         = ["subnet-0a8c1e3b5d7f9a246", "subnet-0f7b9d1a3c5e2b864", "subnet-0c5e7a9b1d3f6a482"]
security_group_ids = ["sg-0a6c8e1b3d5f7c924"]
