environment   = "production"
desired_count = 3

private_subnet_ids        = ["subnet-0c4e6a8f1b3d5e792", "subnet-08a1c3e5f7b9d2e46", "subnet-0f9b1d3e5a7c2e680"]
service_security_group_id = "sg-0d9f1b3e5a7c2e846"
target_group_arn          = "arn:aws:elasticloadbalancing:ap-southeast-2:284617390052:targetgroup/storefront-production/1a3c5e7f9b2d4c86"
