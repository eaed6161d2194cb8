# Deploys of payments-gateway: only jobs that run in a protected GitHub environment.
module "payments_gateway_deploy" {
  source  = "philips-labs/github-oidc/aws"
  version = "~> 0.8.0"

  openid_connect_provider_arn = var.github_oidc_provider_arn
  repo                        = "saltmarsh-bank/payments-gateway"
  role_name                   = "payments-gateway-deploy"
  default_conditions          = ["allow_environment"]
  github_environments         = var.deploy_environments
  role_policy_arns            = ["arn:aws:iam::760913482255:policy/payments-gateway-deploy"]
}

# Image publishing from the main branch; the module's defaults (allow_main, deny_pull_request).
module "payments_gateway_publish" {
  source  = "philips-labs/github-oidc/aws"
  version = "~> 0.8.0"

  openid_connect_provider_arn = var.github_oidc_provider_arn
  repo                        = "saltmarsh-bank/payments-gateway"
  role_name                   = "payments-gateway-publish"
  role_policy_arns            = ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"]
}
