deploy_services = ["ledger-api"]
