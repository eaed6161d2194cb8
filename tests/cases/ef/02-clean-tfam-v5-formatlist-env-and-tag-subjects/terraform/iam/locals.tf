locals {
  github_org = "quillmate"

  # Services whose production deploys run in the "production" GitHub environment.
  deploy_repositories = ["invoicing", "ledger-sync"]
}
