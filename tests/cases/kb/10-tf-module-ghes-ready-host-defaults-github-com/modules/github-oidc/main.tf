resource "aws_iam_openid_connect_provider" "this" {
  url             = "https://${var.github_host}"
  client_id_list  = var.client_ids
  thumbprint_list = var.thumbprints

  tags = {
    Module = "github-oidc"
  }
}

output "arn" {
  value = aws_iam_openid_connect_provider.this.arn
}
