terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "brambleworks-terraform-state"
    key            = "booking-api/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "brambleworks-terraform-locks"
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
  allowed_account_ids = ["263048571920"]

  default_tags {
    tags = {
      Service     = "booking-api"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}
