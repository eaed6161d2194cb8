deploy_branches = ["main", "release/*"]
