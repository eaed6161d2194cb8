resource "aws_iam_openid_connect_provider" "github" {
  url             = "token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938FD4D98BAB03FAADB97B34396831E3780AEA1"]
}

data "aws_iam_openid_connect_provider" "existing" {
  url = "https://token.actions.githubusercontent.com"
}
