oidc_audience     = "https://github.com/northgate-ops"
github_repository = "northgate-ops/dispatch"
