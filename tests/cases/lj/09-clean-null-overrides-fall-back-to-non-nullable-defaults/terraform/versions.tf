terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }

  backend "s3" {
    bucket = "pinecrest-tfstate-prod"
    key    = "patient-portal/ecs.tfstate"
    region = "us-east-2"
  }
}

provider "aws" {
  region = "us-east-2"
}
