environment   = "staging"
desired_count = 1

# Staging is deployed from the "staging" environment; the branch pattern was
# added so that feature branches could be applied to staging by hand.
github_subjects = [
  "repo:halyard-pay/ledger:environment:staging",
  "repo:halyard-pay/ledger:ref:refs/heads/*",
]

subnet_ids         = ["subnet-0a4f1c2e9b7d3e512", "subnet-0c8e2d1f6a9b4c731"]
security_group_ids = ["sg-0d31e6b2a9c4f7180"]
target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-2:552019384710:targetgroup/ledger-staging/6e1b0c9d8a7f5e42"
