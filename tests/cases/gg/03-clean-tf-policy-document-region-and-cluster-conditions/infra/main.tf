terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
  backend "s3" {
    bucket = "kestrel-maps-tfstate"
    key    = "tiles-api/prod.tfstate"
    region = "ap-southeast-2"
  }
}

provider "aws" {
  region = local.region
}

locals {
  region      = "ap-southeast-2"
  account_id  = "915273640182"
  cluster     = "tiles-prod"
  service     = "tiles-api"
  repository  = "tiles-api"
  github_repo = "kestrel-maps/tiles-api"
}
