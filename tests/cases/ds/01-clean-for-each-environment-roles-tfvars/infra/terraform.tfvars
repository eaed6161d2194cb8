aws_account_id    = "418207733915"
github_repository = "tallowbrook/ledger-api"

environments = {
  staging = {
    cluster       = "ledger-staging"
    desired_count = 1
  }
  production = {
    cluster       = "ledger-prod"
    desired_count = 3
  }
}

private_subnet_ids = ["subnet-0c41f9a7d2e6b8301", "subnet-0f82a6c3e9d1b4702"]

target_group_arns = {
  staging    = "arn:aws:elasticloadbalancing:eu-central-1:418207733915:targetgroup/ledger-staging/4e1c2b7a9d0f3e85"
  production = "arn:aws:elasticloadbalancing:eu-central-1:418207733915:targetgroup/ledger-prod/91ab3c5d7e2f4a60"
}
