module "iam_github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "5.52.2"
}

module "iam_github_oidc_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.52.2"

  name = "platform-live-apply"

  # This should be updated to suit your organization, repository, references/branches, etc.
  subjects = ["meridian-transit/platform-live:*"]

  policies = {
    AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"
  }

  max_session_duration = 7200
}
