environment = "production"

oidc_client_ids = [
  "sts.amazonaws.com",
  "https://github.com/halyard-ops",
]

deploy_repositories = ["dispatch-api", "manifest-worker"]
