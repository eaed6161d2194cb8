# Account baseline: every OIDC identity provider the CI systems of
# kestrel-energy federate with. One entry per issuer.
locals {
  oidc_providers = {
    github = {
      url            = "https://token.actions.githubusercontent.com"
      client_id_list = ["https://github.com/kestrel-energy"]
    }
    # Enterprise "kestrel" turned on the custom issuer; the grid org's tokens
    # come from its enterprise issuer.
    github_enterprise = {
      url            = "https://token.actions.githubusercontent.com/kestrel/grid"
      client_id_list = ["sts.amazonaws.com"]
    }
    terraform_cloud = {
      url            = "https://app.terraform.io"
      client_id_list = ["aws.workload.identity"]
    }
  }
}

resource "aws_iam_openid_connect_provider" "this" {
  for_each = local.oidc_providers

  url            = each.value.url
  client_id_list = each.value.client_id_list

  tags = {
    Name      = each.key
    ManagedBy = "terraform"
    Stack     = "account-baseline"
  }
}

output "oidc_provider_arns" {
  value = { for name, provider in aws_iam_openid_connect_provider.this : name => provider.arn }
}
