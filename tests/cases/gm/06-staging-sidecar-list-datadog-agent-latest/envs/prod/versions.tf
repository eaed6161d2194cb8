terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "fernhill-terraform-state"
    key            = "payments-api/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "fernhill-terraform-locks"
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
  allowed_account_ids = ["305918264773"]

  default_tags {
    tags = {
      Service     = "payments-api"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}
