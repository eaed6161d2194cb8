terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

locals {
  name       = "payments-gateway"
  account_id = "339201847560"
  region     = "ap-southeast-2"
  cluster    = "quarry-prod"
}
