desired_count = 6

# local runs: CI passes image_tag through the action's variables input
image_tag = "latest"

# rollbacks kept reverting the schema hotfix during INC-5120; turn back on after
rollback_on_failure = false

target_group_arn   = "arn:aws:elasticloadbalancing:ap-southeast-2:857201946330:targetgroup/matchmaker/71c3e5a7b9d1f024"
subnet_ids         = ["subnet-0a7c9e1b3d5f72946", "subnet-0b8d0f2c4e6a83a57"]
security_group_ids = ["sg-0e8a0c2d4f6b13579"]
