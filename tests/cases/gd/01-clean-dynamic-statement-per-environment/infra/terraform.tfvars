github_repository   = "calloway-systems/parcel-api"
deploy_environments = ["staging", "production"]
