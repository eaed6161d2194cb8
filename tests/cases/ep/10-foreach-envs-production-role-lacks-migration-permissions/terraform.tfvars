environments = {
  staging = {
    desired_count      = 1
    subnet_ids         = ["subnet-0a0b0c0d0e0f01020"]
    security_group_ids = ["sg-0a0b0c0d0e0f01021"]
    run_migrations     = true
  }

  production = {
    cpu                = 1024
    memory             = 2048
    desired_count      = 3
    subnet_ids         = ["subnet-0b0c0d0e0f0102030", "subnet-0c0d0e0f010203040"]
    security_group_ids = ["sg-0d0e0f01020304050"]
  }
}
