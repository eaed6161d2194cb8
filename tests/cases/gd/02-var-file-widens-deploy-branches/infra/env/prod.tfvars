account_id   = "507392816430"
cluster_name = "invoicing-prod"

# release branches get hotfix deploys
deploy_branches = ["main", "release/*"]
