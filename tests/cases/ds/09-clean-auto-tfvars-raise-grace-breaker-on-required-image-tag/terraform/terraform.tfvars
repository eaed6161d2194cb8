enable_circuit_breaker    = true
health_check_grace_period = 30
cpu                       = 1024
memory                    = 3072

target_group_arn   = "arn:aws:elasticloadbalancing:us-west-2:215803694127:targetgroup/report-api/0d6e1f7a2b3c4d58"
subnet_ids         = ["subnet-0d2f8a4c6e1b3a579", "subnet-03b7c9e1f5a2d4680"]
security_group_ids = ["sg-0b4c6d8e1f2a3c5e7"]
