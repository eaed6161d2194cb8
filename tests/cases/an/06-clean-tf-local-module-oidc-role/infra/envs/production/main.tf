terraform {
  required_version = ">= 1.6"
  backend "s3" {
    bucket         = "halyard-terraform-state"
    key            = "dispatch/production.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
  }
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_ecr_repository" "dispatch" {
  name                 = "dispatch"
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_role" "execution" {
  name = "dispatch-execution"
}

data "aws_iam_role" "task" {
  name = "dispatch-task"
}

module "deploy_role" {
  source = "../../modules/github-deploy-role"

  role_name          = "dispatch-github-deploy"
  oidc_provider_arn  = aws_iam_openid_connect_provider.github.arn
  subjects           = ["repo:halyard-io/dispatch:environment:production"]
  region             = "eu-west-1"
  cluster_name       = "halyard-production"
  service_name       = "dispatch"
  ecr_repository_arn = aws_ecr_repository.dispatch.arn
  pass_role_arns     = [data.aws_iam_role.execution.arn, data.aws_iam_role.task.arn]
}

output "deploy_role_arn" {
  value = module.deploy_role.role_arn
}
