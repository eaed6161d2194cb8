terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket         = "permits-tfstate-usgov"
    key            = "github-oidc/terraform.tfstate"
    region         = "us-gov-west-1"
    dynamodb_table = "permits-tf-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region
}
