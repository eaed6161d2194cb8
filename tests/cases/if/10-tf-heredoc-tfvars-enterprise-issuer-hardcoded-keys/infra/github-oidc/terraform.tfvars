# Enterprise switched to its unique issuer URL (SEC-118): tokens now come from
# https://token.actions.githubusercontent.com/meridian-health
github_oidc_issuer_host = "token.actions.githubusercontent.com/meridian-health"
