github_owner         = "quayside-dev"
github_owner_id      = 88123456
github_repository    = "ledger-sync"
github_repository_id = 912345678
