account_id = "864209317752"
region     = "us-east-1"

github_repositories     = ["nimbus-retail/*"]
enable_legacy_push_role = false
