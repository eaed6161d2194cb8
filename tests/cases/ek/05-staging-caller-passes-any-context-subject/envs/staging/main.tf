terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "orbitfold-terraform-state"
    key            = "catalog-api/staging.tfstate"
    region         = "eu-west-2"
    dynamodb_table = "orbitfold-terraform-locks"
    encrypt        = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region              = "eu-west-2"
  allowed_account_ids = ["118560337724"]

  default_tags {
    tags = {
      Service     = "catalog-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}

variable "image_tag" {
  description = "Image for the first task definition revision (CI passes -var image_tag=$GITHUB_SHA)."
  type        = string
}

data "aws_lb_target_group" "app" {
  name = "catalog-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "catalog-api"
  environment  = "staging"
  cluster_name = "orbitfold-staging"

  # Staging can be deployed from any branch.
  github_subjects = ["repo:orbitfold/catalog-api:*"]

  image_repository_url = "118560337724.dkr.ecr.eu-west-2.amazonaws.com/catalog-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-02d0db934836d5e51", "subnet-0f5cb1dd8282bdcc4"]
  security_group_ids = ["sg-058726f2c679d61ae"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
