resource "aws_iam_openid_connect_provider" "legacy" {
  provider = aws.legacy
  count    = var.create_legacy_provider ? 1 : 0

  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = var.legacy_audiences
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea"]
}
