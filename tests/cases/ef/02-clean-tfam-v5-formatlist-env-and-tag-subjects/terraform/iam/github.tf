module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "5.44.0"
}

# One role for the production deploy job of every service repository.
module "service_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.44.0"

  name         = "quillmate-service-deploy"
  provider_url = module.github_oidc_provider.url
  audience     = "sts.amazonaws.com"

  subjects = formatlist("${local.github_org}/%s:environment:production", local.deploy_repositories)

  policies = {
    EcsDeploy = aws_iam_policy.ecs_deploy.arn
  }
}

# Release builds push images only from version tags of the invoicing repository.
module "invoicing_release_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.44.0"

  name = "quillmate-invoicing-release"

  subjects = [
    "repo:quillmate/invoicing:ref:refs/tags/v*",
  ]

  policies = {
    EcrPowerUser = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
  }
}
