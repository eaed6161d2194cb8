desired_count      = 2
subnet_ids         = ["subnet-0c1e3a5b7d9f0e2c4", "subnet-0d2f4b6c8e0a1f3d5"]
security_group_ids = ["sg-0a2c4e6b8d0f13579"]
