deploy_subjects = [
  "repo:granary-health/claims:environment:production",
  "repo:granary-health/claims:pull_request",
]
