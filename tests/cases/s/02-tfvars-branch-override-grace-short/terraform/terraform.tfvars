region             = "us-east-2"
release_branch     = "release"
health_check_grace = 30
subnet_ids         = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
target_group_arn   = "arn:aws:elasticloadbalancing:us-east-2:381492770164:targetgroup/harvest-web/5d1c0e0b9a7f3e21"
