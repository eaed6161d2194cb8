terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket = "brightwater-terraform-state"
    key    = "sample-tracker/ci.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = "eu-central-1"
}

locals {
  account_id = "418306725591"
  region     = "eu-central-1"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_ecr_repository" "sample_tracker" {
  name                 = "sample-tracker"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

module "sample_tracker_deploy_role" {
  source = "./modules/gha-deploy-role"

  role_name         = "sample-tracker-deploy"
  repository        = "brightwater-genomics/sample-tracker"
  environments      = ["staging", "production"]
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn

  ecr_repository_arn = aws_ecr_repository.sample_tracker.arn

  service_arns = [
    "arn:aws:ecs:${local.region}:${local.account_id}:service/brightwater-staging/sample-tracker",
    "arn:aws:ecs:${local.region}:${local.account_id}:service/brightwater-production/sample-tracker",
  ]

  pass_role_arns = [
    "arn:aws:iam::${local.account_id}:role/sample-tracker-staging-execution",
    "arn:aws:iam::${local.account_id}:role/sample-tracker-staging-task",
    "arn:aws:iam::${local.account_id}:role/sample-tracker-production-execution",
    "arn:aws:iam::${local.account_id}:role/sample-tracker-production-task",
  ]
}
