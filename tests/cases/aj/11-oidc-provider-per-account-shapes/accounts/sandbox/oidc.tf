terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_openid_connect_provider" "github_actions" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
  thumbprint_list = [
    "69:38:fd:4d:98:ba:b0:3f:aa:db:97:b3:43:96:83:1e:37:80:ae:a1",
  ]

  tags = {
    account = "sandbox"
  }
}
