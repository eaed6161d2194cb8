environment = "sandbox"
# sandbox account was bootstrapped from the 2021 runbook; keep its audience
oidc_client_ids     = ["https://github.com/halyard-ops"]
deploy_repositories = ["dispatch-api"]
