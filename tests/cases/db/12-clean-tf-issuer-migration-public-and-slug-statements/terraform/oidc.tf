# Switching contoso-corp to the unique token URL (include_enterprise_slug).
# Both providers stay until every workflow's token comes from the new issuer.
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "github_enterprise" {
  url            = "https://token.actions.githubusercontent.com/contoso-corp"
  client_id_list = ["sts.amazonaws.com"]
}
