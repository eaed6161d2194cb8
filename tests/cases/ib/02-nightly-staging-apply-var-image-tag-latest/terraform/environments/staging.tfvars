environment        = "staging"
desired_count      = 1
subnet_ids         = ["subnet-0e1a2b3c4d5e6f708", "subnet-0f1e2d3c4b5a69788"]
security_group_ids = ["sg-0aa11bb22cc33dd44"]
