terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.45"
    }
  }

  backend "s3" {
    bucket = "fieldnote-terraform"
    key    = "storefront/github-roles.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}
