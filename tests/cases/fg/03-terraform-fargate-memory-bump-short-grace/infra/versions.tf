terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  backend "s3" {
    bucket         = "tidewater-terraform-state"
    key            = "dispatch-api/prod.tfstate"
    region         = "us-west-2"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "dispatch-api"
      ManagedBy = "terraform"
      Owner     = "platform@tidewater.example"
    }
  }
}
