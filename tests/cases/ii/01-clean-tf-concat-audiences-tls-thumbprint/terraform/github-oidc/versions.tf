terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }

  backend "s3" {
    bucket = "copperline-terraform-state"
    key    = "iam/github-oidc.tfstate"
    region = "us-east-2"
  }
}

provider "aws" {
  region = "us-east-2"
}
