# One GitHub Actions OIDC provider per account. Partition-aware so the same
# module works in aws, aws-us-gov and aws-cn accounts.

data "aws_partition" "current" {}

data "tls_certificate" "issuer" {
  count = var.enabled ? 1 : 0

  url = var.issuer_url
}

locals {
  # GitHub's intermediate thumbprint (github.blog changelog 2023-06-27); IAM no
  # longer relies on it for this issuer, kept for older tooling that reads it.
  github_thumbprint = "1c58a3a8518e8759bf075b76b750d4f2df264fcd"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.enabled ? 1 : 0

  url            = var.issuer_url
  client_id_list = coalescelist(var.audiences, ["sts.${data.aws_partition.current.dns_suffix}"])
  thumbprint_list = distinct(concat(
    [for cert in data.tls_certificate.issuer[0].certificates : cert.sha1_fingerprint],
    [local.github_thumbprint],
  ))

  tags = var.tags
}

output "arn" {
  value = try(aws_iam_openid_connect_provider.github[0].arn, null)
}
