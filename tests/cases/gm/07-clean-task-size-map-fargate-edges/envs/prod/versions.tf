terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "oakmere-terraform-state"
    key            = "reports-api/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "oakmere-terraform-locks"
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
  allowed_account_ids = ["592047318664"]

  default_tags {
    tags = {
      Service     = "reports-api"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}
