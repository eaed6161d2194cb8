terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "saltmarsh-terraform-state"
    key            = "inventory-api/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "saltmarsh-terraform-locks"
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
  allowed_account_ids = ["619402837150"]

  default_tags {
    tags = {
      Service     = "inventory-api"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}
