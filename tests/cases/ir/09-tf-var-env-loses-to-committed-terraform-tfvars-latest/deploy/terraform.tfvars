# Values for `terraform plan` on a laptop; CI overrides image_tag.
image_tag     = "latest"
desired_count = 2

subnet_ids         = ["subnet-0a9c1e3f5b7d2a846", "subnet-0d7f9b1a3c5e2f684"]
security_group_ids = ["sg-0b8d1f3a5c7e9b246"]
target_group_arn   = "arn:aws:elasticloadbalancing:us-east-1:845120396718:targetgroup/inference-gateway/6b8d1f3a5c7e9a24"
