# The account's GitHub OIDC provider (one per account).
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

output "provider_arn" {
  value = aws_iam_openid_connect_provider.github.arn
}
