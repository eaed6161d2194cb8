terraform {
  backend "s3" {
    bucket = "sablecrest-terraform-state"
    key    = "workloads/github-oidc.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

module "github_oidc" {
  source = "../../modules/github-oidc-provider"

  tags = {
    account = "workloads"
  }
}
