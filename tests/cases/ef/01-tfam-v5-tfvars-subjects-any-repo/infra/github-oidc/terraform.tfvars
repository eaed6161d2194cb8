# Who may assume dispatch-github-deploy.
github_subjects = [
  "tidewater/dispatch-api:ref:refs/heads/main",
  # every dispatch-* service deploys from its production environment
  "tidewater/dispatch-*:environment:production",
]

deploy_policy_arns = {
  EcrPowerUser = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}
