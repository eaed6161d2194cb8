terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {
    bucket = "harbor-docs-terraform"
    key    = "docflow/workers.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}
