terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "tidewater-terraform-state"
    key            = "orders-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tidewater-terraform-locks"
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
  allowed_account_ids = ["418273645091"]

  default_tags {
    tags = {
      Service     = "orders-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
