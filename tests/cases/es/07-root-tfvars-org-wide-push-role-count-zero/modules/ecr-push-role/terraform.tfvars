# Values used while developing the module with `terraform plan` in this folder.
name              = "module-dev-push"
oidc_provider_arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
repositories      = ["*"]
branches          = ["*"]
account_id        = "111111111111"
region            = "us-east-1"
ecr_repositories  = ["scratch"]
