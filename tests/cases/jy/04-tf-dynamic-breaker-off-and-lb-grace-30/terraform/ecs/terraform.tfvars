cluster_arn        = "arn:aws:ecs:eu-central-1:381492650027:cluster/tidepool-prod"
private_subnet_ids = ["subnet-0c51d2e7a9f3b6041", "subnet-0a7e4b29c6d13f852"]

api_target_groups = [
  {
    arn  = "arn:aws:elasticloadbalancing:eu-central-1:381492650027:targetgroup/tidepool-api/8c2f4e6a1b3d5f70"
    port = 8080
  },
]
