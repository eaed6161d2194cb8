terraform {
  backend "s3" {
    bucket = "bramblecode-tfstate"
    key    = "helpdesk/github.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

module "deploy_role" {
  source = "../modules/gha-environment-role"
  for_each = {
    staging = {
      environment = "staging"
      policy_arn  = "arn:aws:iam::927364018253:policy/helpdesk-staging-terraform"
    }
    # Review apps: one GitHub environment per pull request (review-123, review-124, ...).
    review = {
      environment = "review-*"
      policy_arn  = "arn:aws:iam::927364018253:policy/helpdesk-review-terraform"
    }
  }

  name              = "helpdesk-${each.key}-deploy"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
  repository        = "bramblecode/helpdesk"
  environment       = each.value.environment
  policy_arn        = each.value.policy_arn
}
