# Account-wide GitHub Actions identity provider (sandbox account)
resource "aws_iam_openid_connect_provider" "github_actions" {
  url = "https://token.actions.githubuserscontent.com"

  client_id_list = [
    "sts.amazonaws.com",
  ]

  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}
