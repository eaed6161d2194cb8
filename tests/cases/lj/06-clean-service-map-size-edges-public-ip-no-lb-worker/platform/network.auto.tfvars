private_subnet_ids = ["subnet-0a9c1e3f5b7d2a468", "subnet-04e6a8c2f1b3d5e79"]
public_subnet_ids  = ["subnet-0c7e9a1b3d5f2c846", "subnet-0f3b5d7a9c1e2f468"]
security_group_id  = "sg-0a4c6e8b1d3f5a792"
