terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "larkspur-terraform-state"
    key            = "ledger-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "larkspur-terraform-locks"
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
  allowed_account_ids = ["590317264851"]

  default_tags {
    tags = {
      Service     = "ledger-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
