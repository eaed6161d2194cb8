locals {
  account_id = "481516234200"
  region     = "eu-west-1"
  repository = "haldane-freight/route-planner"

  # One deploy role per GitHub environment. Production asks GitHub for its own
  # audience (configure-aws-credentials `audience:` input in deploy.yml).
  deploy_environments = {
    staging = {
      audience = "sts.amazonaws.com"
      cluster  = "freight-staging"
    }
    production = {
      audience = "haldane-prod-deploy"
      cluster  = "freight-production"
    }
  }
}

# Thumbprints are no longer needed for GitHub's issuer (IAM trusts its CA
# directly), so thumbprint_list is left out (optional since provider 5.81).
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = distinct([for env in values(local.deploy_environments) : env.audience])

  tags = {
    ManagedBy = "terraform"
    Purpose   = "github-actions-oidc"
  }
}
