terraform {
  backend "s3" {
    bucket = "tern-freight-tfstate-shared"
    key    = "github-oidc/terraform.tfstate"
    region = "eu-north-1"
  }
}

provider "aws" {
  region = "eu-north-1"
}

# The shared-services account still trusts the public issuer: the enterprise
# has not switched these older repositories' runs over yet.
module "github_oidc" {
  source = "../../modules/github-oidc"

  role_name = "ledger-github-shared"
  subjects  = ["repo:tern-freight/ledger:environment:shared"]

  tags = {
    Team      = "platform"
    ManagedBy = "terraform"
  }
}
