terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket = "tidewater-terraform-state"
    key    = "payments-gateway/production/terraform.tfstate"
    region = "eu-central-1"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}
