environment = "production"

# doubled for the Black Friday load test (QUAY-412)
task_cpu    = 2048
task_memory = 2048

desired_count = 4
image_tag     = "1.14.2"

private_subnet_ids        = ["subnet-0f35a7c9e1b3d5f60", "subnet-0e46b8d0f2c4e6a71"]
target_group_arn          = "arn:aws:elasticloadbalancing:us-west-2:930417265581:targetgroup/quay-api-production/1f9b2c7e4a6d8e02"
service_security_group_id = "sg-0d5f7b9c1e3a52468"
