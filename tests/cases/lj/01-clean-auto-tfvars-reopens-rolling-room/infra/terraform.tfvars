image_tag          = "3f1c9ab"
vpc_id             = "vpc-0c2a91e4d7b35f168"
private_subnet_ids = ["subnet-0e4b7a19c2d36f805", "subnet-07d1f3a2b9c64e518", "subnet-0a8c5e2f7d1b43960"]
alb_listener_arn   = "arn:aws:elasticloadbalancing:us-east-2:318640275194:listener/app/quillon-prod/4f2a9c1e7b3d5a60/9e8d7c6b5a4f3e21"

desired_count = 3

# ledger-api opens 40 connections per task and the primary allows 130:
# never run more than three tasks at once.
deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 100
