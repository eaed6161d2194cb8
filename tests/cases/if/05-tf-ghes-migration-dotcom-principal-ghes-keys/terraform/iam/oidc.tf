locals {
  # GHES issues Actions tokens from https://HOSTNAME/_services/token
  ghes_issuer   = "${var.ghes_hostname}/_services/token"
  github_issuer = "token.actions.githubusercontent.com"
}

resource "aws_iam_openid_connect_provider" "ghes" {
  url             = "https://${local.ghes_issuer}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["4f0c8a1b9e3d27c65a8e0f1d2b3c4a5e6f708192"]
}

# github.com (GHEC) - added for the migration off the appliance
resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://${local.github_issuer}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}
