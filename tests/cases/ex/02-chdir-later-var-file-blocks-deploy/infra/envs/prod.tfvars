cluster_name       = "parcelbird-prod"
desired_count      = 3
subnet_ids         = ["subnet-07aa31c95e2d4b6f8", "subnet-0b9c72e14d3a5f608"]
security_group_ids = ["sg-0f2e4d6c8b0a13579"]

# never drop below full capacity in prod (INC-2291)
deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 100
