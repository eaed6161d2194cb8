environment               = "staging"
desired_count             = 2
health_check_grace_period = 90
circuit_breaker_rollback  = true

target_group_arn   = "arn:aws:elasticloadbalancing:eu-north-1:640281937455:targetgroup/scheduler-api-staging/4c6e8a1b3d5f7a92"
subnet_ids         = ["subnet-0d3f5a7c9e1b2d468", "subnet-0b1d3f5a7c9e2f640"]
security_group_ids = ["sg-0e2a4c6e8b1d3f579"]
