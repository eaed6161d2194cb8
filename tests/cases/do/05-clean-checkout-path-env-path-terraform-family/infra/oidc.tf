locals {
  github_oidc_host = "token.actions.githubusercontent.com"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://${local.github_oidc_host}"
  client_id_list  = var.oidc_client_ids
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}
