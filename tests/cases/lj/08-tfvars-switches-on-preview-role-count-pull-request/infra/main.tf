locals {
  account_id = "294617305882"
  region     = "us-east-1"
  repository = "fieldnote-app/storefront"
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

module "production_deploy_role" {
  source = "./modules/github-role"

  name              = "storefront-production-deploy"
  oidc_provider_arn = data.aws_iam_openid_connect_provider.github.arn
  subjects          = ["repo:${local.repository}:environment:production"]

  ecr_repository_arn = "arn:aws:ecr:${local.region}:${local.account_id}:repository/storefront"
  ecs_service_arn    = "arn:aws:ecs:${local.region}:${local.account_id}:service/fieldnote-production/storefront"
  pass_role_arns = [
    "arn:aws:iam::${local.account_id}:role/storefront-production-execution",
    "arn:aws:iam::${local.account_id}:role/storefront-production-task",
  ]
}

# Pull requests deploy a preview of the branch to the shared previews service.
module "preview_deploy_role" {
  source = "./modules/github-role"
  count  = var.enable_pr_previews ? 1 : 0

  name              = "storefront-pr-preview"
  oidc_provider_arn = data.aws_iam_openid_connect_provider.github.arn
  subjects          = ["repo:${local.repository}:pull_request"]

  ecr_repository_arn = "arn:aws:ecr:${local.region}:${local.account_id}:repository/storefront"
  ecs_service_arn    = "arn:aws:ecs:${local.region}:${local.account_id}:service/fieldnote-previews/storefront-preview"
  pass_role_arns = [
    "arn:aws:iam::${local.account_id}:role/storefront-preview-execution",
    "arn:aws:iam::${local.account_id}:role/storefront-preview-task",
  ]
}
