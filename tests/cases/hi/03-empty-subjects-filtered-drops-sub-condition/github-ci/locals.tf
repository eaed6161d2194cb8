locals {
  account_id          = "907126553480"
  github_provider_arn = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"

  # Repositories whose workflows may assume the shared CI role (read-only
  # access to the build cache bucket and the base-image ECR repositories).
  # `subjects` are StringLike patterns for the token's sub claim.
  shared_ci_repositories = {
    reports-api = {
      subjects = [
        "repo:corvid-analytics/reports-api:ref:refs/heads/main",
        "repo:corvid-analytics/reports-api:environment:production",
      ]
    }
    cache-warmer = {
      subjects = ["repo:corvid-analytics/cache-warmer:ref:refs/heads/main"]
    }
    docs-site = {
      # TODO(platform#318): pin once docs-site has a publish environment.
      subjects = []
    }
  }
}
