terraform {
  backend "s3" {
    bucket = "tern-freight-tfstate-production"
    key    = "github-oidc/terraform.tfstate"
    region = "eu-north-1"
  }
}

provider "aws" {
  region = "eu-north-1"
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  enterprise_slug = "tern-freight-group"
  role_name       = "ledger-github-production"
  subjects        = ["repo:tern-freight/ledger:environment:production"]

  tags = {
    Team      = "platform"
    ManagedBy = "terraform"
  }
}
