terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
  backend "s3" {
    bucket         = "cobaltline-tfstate"
    key            = "ledger/prod.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "cobaltline-tflock"
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      service    = "ledger"
      managed-by = "terraform"
    }
  }
}
