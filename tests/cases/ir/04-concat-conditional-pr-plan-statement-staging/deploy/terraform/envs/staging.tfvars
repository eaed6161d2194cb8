environment     = "staging"
desired_count   = 1
enable_pr_plans = true

private_subnet_ids        = ["subnet-0a6c8e1f3b5d7a924", "subnet-0e2a4c6f8b1d3e570"]
service_security_group_id = "sg-0b5d7f9a1c3e2d468"
target_group_arn          = "arn:aws:elasticloadbalancing:ap-southeast-2:284617390052:targetgroup/storefront-staging/5f7a9c1e3b2d4a68"
