environment        = "staging"
vpc_id             = "vpc-0c3f1a2b4d5e6f708"
private_subnet_ids = ["subnet-0a11b22c33d44e55f", "subnet-0f66e77d88c99b00a"]
prod_listener_arn  = "arn:aws:elasticloadbalancing:ap-southeast-2:665109287345:listener/app/tracking-staging/5d1c9e2a7b3f4e60/8a9b0c1d2e3f4a5b"
test_listener_arn  = "arn:aws:elasticloadbalancing:ap-southeast-2:665109287345:listener/app/tracking-staging/5d1c9e2a7b3f4e60/1b2c3d4e5f6a7b8c"
