locals {
  account_id   = "584920317746"
  region       = "eu-central-1"
  github_org   = "ottercove"
  environments = ["staging", "production"]

  # service => GitHub repository (full names since the move to the
  # shared github-repos module, which wants OWNER/REPO).
  github_repositories = {
    gateway    = "ottercove/payments-gateway"
    reconciler = "ottercove/payments-reconciler"
  }
}
