terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "copperline-terraform-state"
    key            = "fleet-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "copperline-terraform-locks"
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
  allowed_account_ids = ["357819046221"]

  default_tags {
    tags = {
      Service     = "fleet-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
