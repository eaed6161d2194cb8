environment        = "production"
desired_count      = 3
subnet_ids         = ["subnet-01a2b3c4d5e6f7a8b", "subnet-09b8a7f6e5d4c3b2a"]
security_group_ids = ["sg-0ee55ff66aa77bb88"]
