github_owner         = "kestrel-robotics"
github_owner_id      = 83920175
github_repository    = "fleet-telemetry"
github_repository_id = 967310482
environments         = ["staging", "production"]
