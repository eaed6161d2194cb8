# Copied from the cosign keyless-signing setup.
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sigstore"]
}
