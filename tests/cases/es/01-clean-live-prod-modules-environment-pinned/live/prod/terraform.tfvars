account_id          = "402215667801"
bootstrap_image_tag = "3f9c2a71d0b84e6f5a1c9d2e7b3a8f4c6d0e1b29"
target_group_arn    = "arn:aws:elasticloadbalancing:us-east-2:402215667801:targetgroup/ledger-api/6c1e9f3a2b7d4e50"
private_subnet_ids  = ["subnet-0a3f61c9e2b847d15", "subnet-0c72d8e4f1a9b3062"]

service_security_group_id = "sg-04b9e7c2d1f8a3650"
