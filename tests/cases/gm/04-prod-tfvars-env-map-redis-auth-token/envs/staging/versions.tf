terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "quillfield-terraform-state"
    key            = "checkout-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "quillfield-terraform-locks"
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
  allowed_account_ids = ["731905264418"]

  default_tags {
    tags = {
      Service     = "checkout-api"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
