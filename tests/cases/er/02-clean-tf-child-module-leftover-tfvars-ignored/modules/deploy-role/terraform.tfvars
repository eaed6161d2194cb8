# Values used while this module was developed as its own root against the
# sandbox account (terraform -chdir=modules/deploy-role apply).
role_name         = "invoice-hub-sandbox-deploy"
oidc_provider_arn = "arn:aws:iam::118902334455:oidc-provider/token.actions.githubusercontent.com"
github_subjects   = ["repo:quarry-analytics/*"]
repository_arn    = "arn:aws:ecr:us-east-2:118902334455:repository/*"
cluster_name      = "sandbox"
service_names     = ["*"]
task_families     = ["*"]
pass_role_arns    = ["*"]
region            = "us-east-2"
account_id        = "118902334455"
