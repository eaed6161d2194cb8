terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    github = {
      source  = "integrations/github"
      version = "~> 6.3"
    }
  }

  backend "s3" {
    bucket = "ferncliff-terraform-state"
    key    = "ingest-gateway/deploy.tfstate"
    region = "us-west-2"
  }
}

provider "aws" {
  region = "us-west-2"
}

provider "github" {
  owner = "ferncliff-ai"
}
