aws_region = "eu-central-1"
github_org = "GuyErreich"
