locals {
  app         = "puffin"
  role_prefix = "arn:aws:iam::${var.account_id}:role/${local.app}"
}
