account_id      = "731265409118"
region          = "us-east-2"
image           = "731265409118.dkr.ecr.us-east-2.amazonaws.com/invoice-hub:8e1f0c7a2b94d3e6f5a1c0b9d8e7f6a5b4c3d2e1"
github_subjects = ["repo:quarry-analytics/invoice-hub:environment:production"]

private_subnet_ids        = ["subnet-04c1a9e7b2d3f5a60", "subnet-09d2b8f6c3e4a5b71"]
service_security_group_id = "sg-07e3c5a1b9d2f4e68"
target_group_arn          = "arn:aws:elasticloadbalancing:us-east-2:731265409118:targetgroup/invoice-hub/5c2e9a7b1d3f4e60"
