# Upgraded from iam-github-oidc-role (v5) to iam-role (v6) in the module 6.0 migration.
module "web_console_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"

  name            = "web-console-deploy"
  use_name_prefix = false

  enable_github_oidc = true

  # was: subjects = ["orbitly/web-console:*"]
  oidc_subjects = ["orbitly/web-console:*"]

  policies = {
    EcsDeploy = "arn:aws:iam::418295730611:policy/web-console-ecs-deploy"
  }
}

module "web_console_release_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"

  name            = "web-console-release"
  use_name_prefix = false

  enable_github_oidc = true

  oidc_wildcard_subjects = ["orbitly/web-console:ref:refs/heads/release/*"]

  policies = {
    EcrPush = "arn:aws:iam::418295730611:policy/web-console-ecr-push"
  }
}
