terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  alias  = "shared"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::281947306615:role/OrganizationAccountAccessRole"
  }
}

provider "aws" {
  alias  = "workloads"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::470392158824:role/OrganizationAccountAccessRole"
  }
}

# Shared services: CI image builds push to the central registry.
module "github_oidc_shared" {
  source    = "../modules/github-oidc"
  providers = { aws = aws.shared }

  role_name = "gha-image-builder"
  subjects  = ["repo:lanternfish-io/image-builder:ref:refs/heads/main"]
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
  ]
}

# Workloads: production deploys of tidepool-api.
module "github_oidc_workloads" {
  source    = "../modules/github-oidc"
  providers = { aws = aws.workloads }

  # issuer copied from the IAM console walkthrough
  issuer_url = "https://token.actions.githubusercontent.com/"
  role_name  = "gha-tidepool-api-deploy"
  subjects   = ["repo:lanternfish-io/tidepool-api:environment:production"]
}
