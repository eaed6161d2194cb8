# Two issuers while the enterprise moves to its unique token URL:
# the public one (old roles) and token.actions.githubusercontent.com/<slug>.
locals {
  github_issuers = {
    public = {
      url       = "https://token.actions.githubusercontent.com"
      audiences = ["sts.amazonaws.com"]
    }
    enterprise = {
      url       = "https://token.actions.githubusercontent.com/${var.enterprise_slug}"
      audiences = formatlist("https://github.com/%s", var.github_orgs)
    }
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  for_each = local.github_issuers

  url            = each.value.url
  client_id_list = each.value.audiences

  tags = {
    issuer = each.key
  }
}
