image_tag          = "2024.11.04-c0a7e19"
subnet_ids         = ["subnet-0d5f7a9c1e3b2d468", "subnet-0b8d1f3a5c7e9b246"]
security_group_ids = ["sg-0e2a4c6f8b1d3e579"]
target_group_arn   = "arn:aws:elasticloadbalancing:us-east-2:150938276412:targetgroup/portal-api/3e5a7c9b1d2f4e68"
