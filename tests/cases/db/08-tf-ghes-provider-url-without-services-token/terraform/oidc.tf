# GitHub Enterprise Server 3.14 at github.fabrikam.com: the Actions OIDC issuer
# is served by the appliance itself.
resource "aws_iam_openid_connect_provider" "ghes" {
  url             = "https://github.fabrikam.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]

  tags = {
    Owner = "platform"
  }
}
