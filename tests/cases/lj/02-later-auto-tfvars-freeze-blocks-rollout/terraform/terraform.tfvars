cluster_name           = "tidewater-production"
subnet_ids             = ["subnet-0b3e6f1a9c27d4e58", "subnet-0f8a2d4c6e1b39a07"]
target_group_arn       = "arn:aws:elasticloadbalancing:eu-central-1:905418237764:targetgroup/payments-gateway/1e3c5a7b9d2f4e60"
task_security_group_id = "sg-04c8e2a6f1d3b5970"
image_tag              = "v2.31.0"
