environment   = "production"
desired_count = 3

github_subjects = [
  "repo:halyard-pay/ledger:environment:production",
]

subnet_ids         = ["subnet-0f5d2a7c1e8b9d604", "subnet-0b2c7e9f1a3d5e826", "subnet-01e9a8d7c6b5f4a33"]
security_group_ids = ["sg-0a7c9e1f3b5d2e468"]
target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-2:552019384710:targetgroup/ledger-production/9a3c5e7f1b2d4c60"
