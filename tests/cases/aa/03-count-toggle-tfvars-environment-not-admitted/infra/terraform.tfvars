enable_github_deploy = true
account_id           = "381492006517"
