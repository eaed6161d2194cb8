terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "kelpie-freight-terraform-state"
    key            = "dispatch-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "kelpie-freight-terraform-locks"
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
  allowed_account_ids = ["478120593366"]

  default_tags {
    tags = {
      Service     = "dispatch-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
