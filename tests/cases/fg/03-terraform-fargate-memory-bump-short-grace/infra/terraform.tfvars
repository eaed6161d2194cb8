account_id        = "287716530942"
github_repository = "tidewater-logistics/dispatch-api"

vpc_id             = "vpc-0c3f6a91e2b7d4058"
private_subnet_ids = ["subnet-06a1b3c5d7e9f0214", "subnet-07b2c4d6e8f0a1325"]
alb_listener_arn   = "arn:aws:elasticloadbalancing:us-west-2:287716530942:listener/app/tidewater-prod/8e3b5c7d9f1a2b4c/6d8f0a2b4c6e8f01"

desired_count = 3
