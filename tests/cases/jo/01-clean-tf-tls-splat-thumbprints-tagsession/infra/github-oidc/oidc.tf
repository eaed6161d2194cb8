# GitHub Actions OIDC identity provider for this account.
# The thumbprints are read from the certificate chain served with the
# discovery document, so a rotated intermediate does not need a PR here.
data "tls_certificate" "github_actions" {
  url = "https://token.actions.githubusercontent.com/.well-known/openid-configuration"
}

resource "aws_iam_openid_connect_provider" "github_actions" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = data.tls_certificate.github_actions.certificates[*].sha1_fingerprint

  tags = local.tags
}
