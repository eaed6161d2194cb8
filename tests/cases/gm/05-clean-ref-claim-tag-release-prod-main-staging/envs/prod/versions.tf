terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "harrow-labs-terraform-state"
    key            = "search-api/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "harrow-labs-terraform-locks"
    encrypt        = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["846201937534"]

  default_tags {
    tags = {
      Service     = "search-api"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}
