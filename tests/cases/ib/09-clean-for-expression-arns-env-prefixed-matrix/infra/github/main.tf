terraform {
  backend "s3" {
    bucket = "sablefish-terraform"
    key    = "catalog/github.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

module "deploy_role" {
  source = "../modules/deploy-role"

  env                = "prod"
  github_environment = "production"
  repository         = "sablefish/catalog"
  cluster            = "catalog-prod"
  services           = ["api", "indexer"]
  account_id         = "681932045517"
  region             = "eu-west-2"
}
