locals {
  github_oidc_host = "token.actions.githubusercontent.com"
}

# Fetch the current chain so a certificate rotation does not need a code change;
# the two pinned values are GitHub's published intermediates (kept as a fallback).
data "tls_certificate" "github" {
  url = "https://${local.github_oidc_host}/.well-known/openid-configuration"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://${local.github_oidc_host}"
  client_id_list = concat(["sts.amazonaws.com"], var.additional_audiences)

  thumbprint_list = distinct(concat(
    [for cert in data.tls_certificate.github.certificates : cert.sha1_fingerprint],
    [
      "6938fd4d98bab03faadb97b34396831e3780aea1",
      "1c58a3a8518e8759bf075b76b750d4f2df264fcd",
    ],
  ))

  tags = {
    Name      = "github-actions"
    ManagedBy = "terraform"
  }
}
