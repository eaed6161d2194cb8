terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  backend "s3" {
    bucket               = "acme-terraform-state"
    key                  = "preview/terraform.tfstate"
    region               = "eu-west-2"
    workspace_key_prefix = "previews"
  }
}

provider "aws" {
  region = "eu-west-2"
}
