# GHE.com (data residency): Actions tokens are issued by token.actions.<subdomain>.ghe.com
locals {
  ghe_subdomain = "orrery"
}

resource "aws_iam_openid_connect_provider" "ghe" {
  url            = "https://token.actions.${local.ghe_subdomain}.ghe.com"
  client_id_list = ["sts.amazonaws.com"]

  tags = {
    team = "platform"
  }
}
