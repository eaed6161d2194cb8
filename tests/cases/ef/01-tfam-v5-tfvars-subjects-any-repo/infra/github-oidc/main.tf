module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "~> 5.0"
}

module "dispatch_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "~> 5.0"

  name        = "dispatch-github-deploy"
  description = "Assumed by GitHub Actions in the dispatch repositories"

  subjects = var.github_subjects

  policies = var.deploy_policy_arns

  tags = {
    Team = "dispatch"
  }
}

output "dispatch_deploy_role_arn" {
  value = module.dispatch_deploy_role.arn
}
