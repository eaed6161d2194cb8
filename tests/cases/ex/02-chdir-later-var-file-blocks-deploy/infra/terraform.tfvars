cluster_name       = "parcelbird-dev"
subnet_ids         = ["subnet-0d1c2b3a495867f01"]
security_group_ids = ["sg-0a1b2c3d4e5f60718"]

deployment_minimum_healthy_percent = 50
deployment_maximum_percent         = 200
