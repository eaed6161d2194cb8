deploy_branches          = ["main", "release/*"]
allow_pull_request_plans = true
