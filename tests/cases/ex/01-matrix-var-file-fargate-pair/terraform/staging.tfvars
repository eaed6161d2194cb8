environment   = "staging"
task_cpu      = 256
task_memory   = 512
desired_count = 1
image_tag     = "1.14.2"

private_subnet_ids        = ["subnet-0a11c3e5d7f9b1a23", "subnet-0b22d4f6e8a0c2b34"]
target_group_arn          = "arn:aws:elasticloadbalancing:us-west-2:204518837729:targetgroup/quay-api-staging/6d0ecf831eec9f09"
service_security_group_id = "sg-0c4e6a8b0d2f41357"
