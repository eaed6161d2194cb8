terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket = "brindle-works-terraform-state"
    key    = "invoice-svc/prod.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region
}
