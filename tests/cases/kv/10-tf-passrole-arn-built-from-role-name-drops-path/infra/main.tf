terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = local.region
}

locals {
  account_id = "318406529637"
  region     = "ap-southeast-2"
  cluster    = "saffron-prod"
}
