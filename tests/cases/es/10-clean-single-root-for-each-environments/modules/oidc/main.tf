resource "aws_iam_openid_connect_provider" "github" {
  url             = var.url
  client_id_list  = distinct(concat(["sts.amazonaws.com"], var.extra_client_ids))
  thumbprint_list = var.thumbprint_list

  tags = var.tags
}
