terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  backend "s3" {
    bucket = "lumen-tfstate-prod"
    key    = "ecs/services.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"
}

locals {
  cluster_arn     = "arn:aws:ecs:eu-west-2:372615098441:cluster/lumen-prod"
  private_subnets = ["subnet-0c1f6b2e84a7d9350", "subnet-09e3a5d7c2b41f068"]
}
