terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

# GitHub Actions federation for the route planner (provider + role).
module "oidc_github" {
  source  = "unfunco/oidc-github/aws"
  version = "1.5.0"

  iam_role_name           = "github-route-planner"
  attach_read_only_policy = false

  github_repositories = [
    "parcelpine/route-planner",
    "parcelpine/route-planner-infra:ref:refs/heads/main",
  ]

  iam_role_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
    "arn:aws:iam::aws:policy/AmazonECS_FullAccess",
  ]

  tags = {
    Project = "route-planner"
  }
}

output "github_role_arn" {
  value = module.oidc_github.iam_role_arn
}
