subnet_ids        = ["subnet-0f1e2d3c4b5a69788", "subnet-0a9b8c7d6e5f40312"]
security_group_id = "sg-0123456789abcdef0"
