private_subnet_ids = ["subnet-0f2b8e61d4a97c305", "subnet-04c7d1e93a6b2f580"]
target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-2:318274650912:targetgroup/checkout/9a3c71e02b4d6f85"

health_check_grace_period = 90

# INC-2231: breaker rolled back a good deploy during the DB failover; off until the runbook is fixed
enable_circuit_breaker = false
