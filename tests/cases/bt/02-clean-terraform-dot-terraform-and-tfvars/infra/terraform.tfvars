account_id                = "615230948177"
github_repository         = "quillmark/invoice-service"
github_environment        = "production"
private_subnet_ids        = ["subnet-04a1b2c3d4e5f6a7b", "subnet-05b2c3d4e5f6a7b8c"]
service_security_group_id = "sg-0d1e2f3a4b5c6d7e8"
target_group_arn          = "arn:aws:elasticloadbalancing:eu-central-1:615230948177:targetgroup/invoice/9a8b7c6d5e4f3a2b"
