terraform {
  backend "s3" {
    bucket = "sablecrest-terraform-state"
    key    = "shared-services/github-oidc.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

module "github_oidc" {
  source = "../../modules/github-oidc-provider"

  # audience of the original 2021 setup
  client_id_list = ["https://github.com/sablecrest"]

  tags = {
    account = "shared-services"
  }
}
