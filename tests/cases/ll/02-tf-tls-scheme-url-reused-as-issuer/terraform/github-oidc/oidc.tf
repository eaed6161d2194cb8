# The corporate egress proxy breaks the tls provider's https:// fetch, so the
# certificate is read over a raw TLS socket instead.
data "tls_certificate" "github_actions" {
  url = "tls://token.actions.githubusercontent.com:443"
}

resource "aws_iam_openid_connect_provider" "github_actions" {
  url             = data.tls_certificate.github_actions.url
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.github_actions.certificates[0].sha1_fingerprint]

  tags = {
    Name      = "github-actions"
    ManagedBy = "terraform"
  }
}
