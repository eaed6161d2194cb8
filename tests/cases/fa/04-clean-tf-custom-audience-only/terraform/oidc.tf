# Account-wide GitHub Actions identity provider. Every workflow in this
# account requests the `kestrel-ci` audience (see docs/ci-identity.md), so
# sts.amazonaws.com is deliberately not registered.
resource "aws_iam_openid_connect_provider" "github_actions" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["kestrel-ci"]

  tags = {
    Team = "platform"
  }
}
