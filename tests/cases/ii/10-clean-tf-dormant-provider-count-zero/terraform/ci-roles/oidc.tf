# Legacy definition from the 2021 beta, only used by accounts that predate the
# org bootstrap stack. Do not enable for new accounts.
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url             = "https://vstoken.actions.githubusercontent.com"
  client_id_list  = ["https://github.com/mossgate"]
  thumbprint_list = ["a031c46782e6e6c662c2c87c76da9aa62ccabd8e"]
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}
