terraform {
  backend "s3" {
    bucket = "skylark-rail-terraform-state"
    key    = "fares-api/production/github.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"

  assume_role {
    role_arn = "arn:aws:iam::739104628355:role/terraform-admin"
  }

  allowed_account_ids = ["739104628355"]
}

module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "5.48.0"
}

module "deploy_role" {
  source = "../../modules/deploy-role"

  environment = "production"
  account_id  = "739104628355"
  cluster     = "fares-production"
}

output "deploy_role_arn" {
  value = module.deploy_role.role_arn
}
