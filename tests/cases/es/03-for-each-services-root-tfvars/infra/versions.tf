terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket = "pinecrest-tfstate"
    key    = "dispatch/prod.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = var.region
}
