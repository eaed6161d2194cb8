terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket         = "quillon-tfstate-318640275194"
    key            = "ledger-api/prod.tfstate"
    region         = "us-east-2"
    dynamodb_table = "terraform-locks"
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
  region = "us-east-2"

  default_tags {
    tags = {
      Service   = "ledger-api"
      ManagedBy = "terraform"
    }
  }
}
