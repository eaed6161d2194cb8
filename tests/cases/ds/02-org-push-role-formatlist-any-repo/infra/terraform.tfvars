aws_region     = "us-west-2"
aws_account_id = "602984113270"
github_org     = "quarry-labs"
