region = "ca-central-1"

extra_trusted_subjects = [
  "repo:pinewood-apps/menu-api:pull_request", # taskdef-diff job on PRs
]
